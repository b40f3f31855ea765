import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseEnv } from "@/lib/settings/env-schema";
import { controlPlaneConfig } from "./lib/cloud-init";
import { renderLayer } from "./lib/flux-build";
import { consoleSettings } from "./lib/console-settings";
import { at, type Values } from "./lib/helm-values";
import { platformSettings } from "./lib/platform-env";
import { repoRoot } from "./lib/reference";
import { tool } from "./lib/tools";
import type { K8sObject } from "./lib/yaml-files";

/*
 * The addresses a home-lab server needs while it boots (docs/decisions/008-boot-path.md). No
 * Tinkerbell, tailnet or OCI runs here: the test reads the values Flux would pass the Tinkerbell
 * chart, rendered with kustomize and substituted from the settings the platform writes, against
 * what chart v0.21.0 does with them (helm/tinkerbell/values.yaml and templates/ at that tag).
 */
const settings = platformSettings();
let objects: K8sObject[] = [];
beforeAll(() => {
  const rendered = renderLayer(tool("kustomize"), "infra-controllers", settings);
  expect(rendered.problems).toEqual([]);
  objects = rendered.objects;
}, 300_000);

const tinkerbell = (): { values: Values; spec: Values } => {
  const release = objects.find((o) => o.kind === "HelmRelease" && o.metadata.name === "tinkerbell");
  const spec = (release?.spec ?? {}) as Values;
  return { spec, values: (spec.values ?? {}) as Values };
};

describe("the boot path from a home lab to the control plane", () => {
  it("tells a booting server the control plane's tailnet address, never 127.0.0.1", () => {
    const { values } = tinkerbell();
    expect(values.publicIP).toBe(settings.TINKERBELL_PUBLIC_IP);
    expect(String(values.publicIP)).toMatch(/^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.\d+\.\d+$/);
    const artifacts = new URL(String(values.artifactsFileServer));
    expect(artifacts.hostname).toBe(values.publicIP);
    expect(artifacts.port).toBe("7173");
    const tree = readFileSync(
      path.join(repoRoot, "manifests/infrastructure/controllers/tinkerbell/release.yaml"),
      "utf8",
    );
    expect(tree).not.toMatch(/127\.0\.0\.1/);
  });

  it("listens on the node whose address it gives out, and rolls out there", () => {
    const { values } = tinkerbell();
    expect(at(values, "deployment.hostNetwork")).toBe(true);
    expect(at(values, "deployment.strategy.type")).toBe("Recreate");
    // TINKERBELL_PUBLIC_IP is the control plane's (k3s-tailnet.sh runs there); K3s labels its
    // servers node-role.kubernetes.io/control-plane=true. On a worker nothing would answer it.
    const controlPlane = { "node-role.kubernetes.io/control-plane": "true" };
    expect(at(values, "deployment.nodeSelector")).toEqual(controlPlane);
    expect(at(values, "optional.hookos.nodeSelector")).toEqual(controlPlane);
  });

  it("answers no DHCP or TFTP and makes no macvlan or ARP load balancer on the cloud VM", () => {
    const { values } = tinkerbell();
    // v0.21.0 defaults: dhcpEnabled, tftpServerEnabled, init.enabled and kubevip.enabled true.
    expect(at(values, "deployment.envs.smee.dhcpEnabled")).toBe(false);
    expect(at(values, "deployment.envs.smee.tftpServerEnabled")).toBe(false);
    expect(at(values, "deployment.init.enabled")).toBe(false);
    expect(at(values, "optional.kubevip.enabled")).toBe(false);
  });

  it("serves Hook's artifacts on the node's :7173 from a volume the tree claims", () => {
    const { values, spec } = tinkerbell();
    expect(at(values, "optional.hookos.enabled")).toBe(true);
    expect(at(values, "optional.hookos.service.type")).not.toBe("LoadBalancer");
    const claim = objects.find(
      (o) =>
        o.kind === "PersistentVolumeClaim" &&
        o.metadata.name === at(values, "optional.hookos.persistence.existingClaim"),
    );
    expect((claim?.spec as Values | undefined)?.storageClassName).toBe("local-path");
    const patches = JSON.stringify(spec.postRenderers ?? []);
    expect(patches).toContain('"name":"hookos"');
    expect(patches).toMatch(/path: \/spec\/template\/spec\/hostNetwork\\n\s*value: true/);
  });

  it("gives the console's boot media Smee's script at the same address", () => {
    const data = consoleSettings(settings);
    expect(data.FOUNDRY_SMEE_URL).toBe(`http://${settings.TINKERBELL_PUBLIC_IP}:7171`);
    const env = parseEnv(data as Record<string, string>, "/srv/foundry");
    expect(env.bootMedia.smeeScriptUrl).toBe(
      `http://${settings.TINKERBELL_PUBLIC_IP}:7171/{mac}/auto.ipxe`,
    );
  });

  it("sends answers back to the home lab through its subnet router", () => {
    const bootstrap = controlPlaneConfig().file("/usr/local/sbin/foundry-bootstrap");
    expect(bootstrap).toMatch(/tailscale up [^\n]*--accept-routes/);
  });
});
