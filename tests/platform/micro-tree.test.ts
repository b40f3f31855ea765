import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseAllDocuments, stringify } from "yaml";
import { repoRoot } from "./lib/reference";
import { tool } from "./lib/tools";
import type { K8sObject } from "./lib/yaml-files";

/*
 * The micro profile has no notification-controller (decision 007), so nothing of its tree may
 * point at one. kustomize-controller builds a Kustomization's path with its spec.patches added
 * to the generated kustomization.yaml; the test does the same with the same kustomize.
 */
const work = mkdtempSync(path.join(tmpdir(), "foundry-micro-tree-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const build = (dir: string): K8sObject[] => {
  const built = spawnSync(tool("kustomize"), ["build", dir], { encoding: "utf8" });
  expect(built.stderr).toBe("");
  return parseAllDocuments(built.stdout).map((d) => d.toJS() as K8sObject);
};

describe("the micro profile's tree", () => {
  const root = build(path.join(repoRoot, "manifests/clusters/foundry-micro"));

  it("has no Receiver, Provider or Alert", () => {
    expect(root.filter((o) => ["Receiver", "Provider", "Alert"].includes(o.kind))).toEqual([]);
  });

  it("routes nothing to the webhook receiver that is not there", () => {
    const configs = root.find(
      (o) => o.kind === "Kustomization" && o.metadata.name === "infra-configs",
    );
    const spec = configs?.spec as { path: string; patches?: unknown[] } | undefined;
    writeFileSync(
      path.join(work, "kustomization.yaml"),
      stringify({
        apiVersion: "kustomize.config.k8s.io/v1beta1",
        kind: "Kustomization",
        resources: [path.relative(work, path.join(repoRoot, spec?.path ?? "."))],
        patches: spec?.patches ?? [],
      }),
    );
    const applied = build(work);
    expect(applied.some((o) => o.kind === "Gateway")).toBe(true);
    expect(
      applied.filter((o) => o.metadata.namespace === "flux-system").map((o) => o.kind),
    ).toEqual([]);
  }, 300_000);
});
