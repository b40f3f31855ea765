import type { KubeApiDouble } from "./api-server";

type Interface = { dhcp?: { mac?: string }; netboot?: { allowPXE?: boolean } };

/**
 * SANDBOX Smee: the iPXE script path of Tinkerbell v0.21.0's Smee (`GET /<mac>/auto.ipxe`), so
 * boot media made from `scripts/up.sh` have somewhere to chain to. Like Smee it answers only a
 * MAC whose Hardware allows PXE, and 404 otherwise; its script says there is no HookOS here
 * instead of booting one. The real stack's Smee stand-in (e2e/real-stack) is held to the same rule.
 */
export function addSmeePart(api: KubeApiDouble): void {
  api.route((request, response, url) => {
    const script = /^\/([0-9a-fA-F]{2}(?:[:-][0-9a-fA-F]{2}){5})\/auto\.ipxe$/.exec(url.pathname);
    if (request.method !== "GET" || !script?.[1]) return false;
    const mac = script[1].toLowerCase().replaceAll("-", ":");
    const found = api.store
      .list("hardware")
      .map((hardware) => ({
        name: hardware.metadata.name,
        nic: ((hardware.spec as { interfaces?: Interface[] } | undefined)?.interfaces ?? []).find(
          (nic) => nic.dhcp?.mac?.toLowerCase() === mac,
        ),
      }))
      .find((candidate) => candidate.nic !== undefined);
    if (!found?.nic?.netboot?.allowPXE) {
      response.writeHead(404).end();
      return true;
    }
    response
      .writeHead(200, { "Content-Type": "text/plain" })
      .end(
        `#!ipxe\necho Metal Foundry sandbox: Smee would boot HookOS for ${found.name} now; the sandbox cluster has none.\nsleep 10\nexit\n`,
      );
    return true;
  });
}
