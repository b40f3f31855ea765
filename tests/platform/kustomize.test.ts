import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./lib/reference";
import { walkTree } from "./lib/kustomize-tree";
import { manifestObjects, yamlFiles } from "./lib/yaml-files";

describe("the Flux tree under manifests/", () => {
  const report = walkTree();

  it("resolves every resources entry and every Kustomization path", () => {
    expect(report.problems).toEqual([]);
  });

  it("leaves no YAML file orphaned", () => {
    const all = yamlFiles("manifests").map((f) => path.relative(repoRoot, f));
    expect(all.filter((f) => !report.reached.has(f))).toEqual([]);
  });

  it("orders the layers controllers -> configs -> tinkerbell -> apps, all pruned", () => {
    const flux = manifestObjects()
      .map(({ object }) => object)
      .filter(
        (o) => o.kind === "Kustomization" && o.apiVersion === "kustomize.toolkit.fluxcd.io/v1",
      );
    const byName = new Map(flux.map((o) => [o.metadata.name, o.spec as Record<string, unknown>]));
    const dependsOn = (name: string): string[] =>
      ((byName.get(name)?.dependsOn as { name: string }[] | undefined) ?? []).map((d) => d.name);
    expect(dependsOn("infra-configs")).toEqual(["infra-controllers"]);
    expect(dependsOn("tinkerbell")).toEqual(["infra-configs"]);
    expect(dependsOn("apps")).toEqual(["tinkerbell"]);
    for (const [name, spec] of byName) {
      expect(spec.prune, `${name} prune`).toBe(true);
      if (name !== "foundry")
        expect(spec.wait === true || Array.isArray(spec.healthChecks), `${name} health`).toBe(true);
    }
  });

  it("gives the console's commits a home", () => {
    for (const dir of ["hardware", "workflows", "templates"]) {
      expect(report.reached.has(`manifests/tinkerbell/${dir}/kustomization.yaml`)).toBe(true);
    }
  });

  it("catches a dangling resources entry", () => {
    expect(walkTree("manifests/does-not-exist").problems.join()).toMatch(/no kustomization.yaml/);
  });
});
