import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { spawnSync } from "node:child_process";
import { at } from "./lib/helm-values";
import { repoRoot } from "./lib/reference";
import { tool } from "./lib/tools";

/*
 * The site profile a fork opts into (docs/decisions/008-boot-path.md): the Tinkerbell folder
 * with the `site` component, built by kustomize exactly as the fork's commit would have it.
 */
const tinkerbellDir = path.join(repoRoot, "manifests/infrastructure/controllers/tinkerbell");
const work = mkdtempSync(path.join(tmpdir(), "foundry-site-profile-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let values: Record<string, unknown> = {};
beforeAll(() => {
  const relative = path.relative(work, tinkerbellDir);
  writeFileSync(
    path.join(work, "kustomization.yaml"),
    [
      "apiVersion: kustomize.config.k8s.io/v1beta1",
      "kind: Kustomization",
      "resources:",
      `  - ${relative}`,
      "components:",
      `  - ${relative}/site`,
      "",
    ].join("\n"),
  );
  const built = spawnSync(tool("kustomize"), ["build", work], { encoding: "utf8" });
  expect(built.stderr).toBe("");
  const release = parseAllDocuments(built.stdout)
    .map((d) => d.toJS() as { kind?: string; spec?: { values?: Record<string, unknown> } })
    .find((o) => o.kind === "HelmRelease");
  values = release?.spec?.values ?? {};
}, 300_000);

const valueAt = (dotted: string): unknown => at(values, dotted);

describe("the site profile", () => {
  it("pins Tinkerbell and Hook's artifacts to the on-site node", () => {
    expect(valueAt("deployment.nodeSelector")).toEqual({ "metal-foundry.dev/site": "true" });
    expect(valueAt("optional.hookos.nodeSelector")).toEqual({ "metal-foundry.dev/site": "true" });
  });

  it("answers PXE beside the LAN's own DHCP (proxy mode) and serves TFTP", () => {
    expect(valueAt("deployment.envs.smee.dhcpEnabled")).toBe(true);
    expect(valueAt("deployment.envs.smee.dhcpMode")).toBe("proxy");
    expect(valueAt("deployment.envs.smee.tftpServerEnabled")).toBe(true);
  });

  it("keeps the default path's addresses from the platform settings and the host network", () => {
    expect(valueAt("publicIP")).toBe("${TINKERBELL_PUBLIC_IP}");
    expect(valueAt("deployment.hostNetwork")).toBe(true);
    expect(valueAt("optional.kubevip.enabled")).toBe(false);
  });
});
