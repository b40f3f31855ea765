import type { BmcMachine } from "./bmc-machine";
import type { Hardware, HardwareInterface } from "./hardware";
import { labelKeys, managedByConsole } from "./labels";
import { rufioApiVersion, tinkerbellApiVersion, tinkerbellNamespace } from "./object-meta";

export type HardwareInput = {
  name: string;
  hostname: string;
  arch: "x86_64" | "aarch64";
  firmware: "uefi" | "bios";
  installDisk: string;
  interfaces: (
    | { mode: "dhcp"; mac: string }
    | {
        mode: "static";
        mac: string;
        address: string;
        netmask: string;
        gateway: string;
        nameServers: string[];
      }
  )[];
  site?: string;
  rack?: string;
  bmc?: { address: string; secretName: string; port?: number; basicAuth?: boolean };
  /** Whether Tinkerbell may hand this server a Workflow (true once it is provisioned). */
  allowWorkflow: boolean;
};

/*
 * allowPXE is written false and never changed by the console: the Workflow's toggleAllowNetboot
 * turns it on for one install and off after success, and Flux ignores that field (docs/servers/
 * no-reinstall-loop.md), so a reboot after a successful install boots the disk.
 */
function hardwareInterface(
  input: HardwareInput,
  item: HardwareInput["interfaces"][number],
): HardwareInterface {
  const dhcp: NonNullable<HardwareInterface["dhcp"]> = {
    mac: item.mac,
    hostname: input.hostname,
    arch: input.arch,
    uefi: input.firmware === "uefi",
    lease_time: 86400,
  };
  if (item.mode === "static") {
    dhcp.ip = { address: item.address, netmask: item.netmask, gateway: item.gateway, family: 4 };
    if (item.nameServers.length > 0) dhcp.name_servers = item.nameServers;
  }
  return { dhcp, netboot: { allowPXE: false, allowWorkflow: input.allowWorkflow } };
}

/*
 * Every server's Hardware names the Secret that will hold its install's claim secret (never in
 * Git: the console writes it into the cluster at each provision, lib/enrollment/first-boot-claim).
 * Tinkerbell renders it for the template as `.references.foundry_claim`, allowed by the one
 * reference rule the platform gives its Tink controller (tinkerbell release.yaml).
 */
export const claimReferenceName = "foundry_claim";
export const claimSecretKey = "secret";
export const claimSecretName = (server: string) => `foundry-claim-${server}`;

export function buildHardware(input: HardwareInput): Hardware {
  const labels: Record<string, string> = { [labelKeys.managedBy]: managedByConsole };
  if (input.site) labels[labelKeys.site] = input.site;
  if (input.rack) labels[labelKeys.rack] = input.rack;
  const ips = input.interfaces.flatMap((item) =>
    item.mode === "static"
      ? [{ address: item.address, netmask: item.netmask, gateway: item.gateway, family: 4 }]
      : [],
  );
  const first = input.interfaces[0];
  return {
    apiVersion: tinkerbellApiVersion,
    kind: "Hardware",
    metadata: { name: input.name, namespace: tinkerbellNamespace, labels },
    spec: {
      ...(input.bmc
        ? { bmcRef: { apiGroup: "bmc.tinkerbell.org", kind: "Machine", name: input.name } }
        : {}),
      disks: [{ device: input.installDisk }],
      references: {
        [claimReferenceName]: {
          name: claimSecretName(input.name),
          namespace: tinkerbellNamespace,
          resource: "secrets",
          version: "v1",
        },
      },
      interfaces: input.interfaces.map((item) => hardwareInterface(input, item)),
      metadata: {
        instance: {
          hostname: input.hostname,
          ...(first ? { id: first.mac } : {}),
          ...(ips.length > 0 ? { ips } : {}),
        },
      },
    },
  };
}

/** Rufio's Machine for a server with a BMC; the credentials stay in the Secret it names. */
export function buildBmcMachine(input: HardwareInput): BmcMachine | undefined {
  if (!input.bmc) return undefined;
  return {
    apiVersion: rufioApiVersion,
    kind: "Machine",
    metadata: {
      name: input.name,
      namespace: tinkerbellNamespace,
      labels: { [labelKeys.managedBy]: managedByConsole, [labelKeys.server]: input.name },
    },
    spec: {
      connection: {
        host: input.bmc.address,
        insecureTLS: false,
        authSecretRef: { name: input.bmc.secretName, namespace: tinkerbellNamespace },
        ...redfishOptions(input.bmc),
      },
    },
  };
}

/*
 * Rufio reaches a Redfish BMC on the port of its provider options (it never reads
 * `connection.port`), and opens a Redfish session unless told to use basic auth, which BMCs
 * without a SessionService need.
 */
function redfishOptions(bmc: { port?: number; basicAuth?: boolean }) {
  if (bmc.port === undefined && bmc.basicAuth !== true) return {};
  return {
    providerOptions: {
      redfish: {
        ...(bmc.port !== undefined ? { port: bmc.port } : {}),
        ...(bmc.basicAuth === true ? { useBasicAuth: true } : {}),
      },
    },
  };
}
