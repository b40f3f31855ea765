import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { spawnSync } from "node:child_process";
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

const at = (dotted: string): unknown =>
  dotted
    .split(".")
    .reduce<unknown>(
      (node, key) =>
        typeof node === "object" && node !== null
          ? (node as Record<string, unknown>)[key]
          : undefined,
      values,
    );

describe("the site profile", () => {
  it("pins Tinkerbell and Hook's artifacts to the on-site node", () => {
    expect(at("deployment.nodeSelector")).toEqual({ "metal-foundry.dev/site": "true" });
    expect(at("optional.hookos.nodeSelector")).toEqual({ "metal-foundry.dev/site": "true" });
  });

  it("answers PXE beside the LAN's own DHCP (proxy mode) and serves TFTP", () => {
    expect(at("deployment.envs.smee.dhcpEnabled")).toBe(true);
    expect(at("deployment.envs.smee.dhcpMode")).toBe("proxy");
    expect(at("deployment.envs.smee.tftpServerEnabled")).toBe(true);
  });

  it("keeps the default path's addresses from the platform settings and the host network", () => {
    expect(at("publicIP")).toBe("${TINKERBELL_PUBLIC_IP}");
    expect(at("deployment.hostNetwork")).toBe(true);
    expect(at("optional.kubevip.enabled")).toBe(false);
  });
});
