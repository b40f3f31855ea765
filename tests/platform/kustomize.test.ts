import { readFileSync } from "node:fs";
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

  // Components a fork opts into with a commit (docs/decisions/008-boot-path.md, the README's
  // "Two consoles on PostgreSQL"); each is built by its own test (tests/platform/site-profile.test.ts,
  // tests/platform/console-ha.test.ts).
  const optIn = [
    "manifests/infrastructure/controllers/tinkerbell/site",
    "manifests/apps/foundry-console-ha",
  ];

  it("leaves no YAML file orphaned", () => {
    const reached = new Set([
      ...report.reached,
      ...optIn.flatMap((dir) => [...walkTree(dir).reached]),
    ]);
    const all = yamlFiles("manifests").map((f) => path.relative(repoRoot, f));
    expect(all.filter((f) => !reached.has(f))).toEqual([]);
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
    expect(dependsOn("infra-tailscale")).toEqual(["infra-controllers"]);
    for (const [name, spec] of byName) {
      expect(spec.prune, `${name} prune`).toBe(true);
      if (name !== "foundry")
        expect(spec.wait === true || Array.isArray(spec.healthChecks), `${name} health`).toBe(true);
    }
  });

  it("lets no layer wait on the Tailscale operator, whose Secret is made after its namespace", () => {
    const flux = manifestObjects()
      .map(({ object }) => object)
      .filter((o) => o.kind === "Kustomization" && o.apiVersion.startsWith("kustomize.toolkit"));
    const waitedOn = flux.flatMap((o) =>
      ((o.spec as { dependsOn?: { name: string }[] }).dependsOn ?? []).map((d) => d.name),
    );
    expect(waitedOn).not.toContain("infra-tailscale");
    const releaseOfTailscale = manifestObjects().filter(
      ({ object }) =>
        object.kind === "HelmRelease" && object.metadata.name === "tailscale-operator",
    );
    expect(releaseOfTailscale.map(({ file }) => path.relative(repoRoot, file))).toEqual([
      "manifests/infrastructure/tailscale/release.yaml",
    ]);
  });

  // helm-controller v1.6.3 (Flux v2.9.3), docs/spec/v2/helmreleases.md: without a strategy a
  // failed install is remediated 0 times and the release stalls until its spec changes.
  it("has every HelmRelease try again after a failed install or upgrade", () => {
    const releases = manifestObjects().filter(({ object }) => object.kind === "HelmRelease");
    expect(releases.length).toBeGreaterThan(5);
    for (const { file, object } of releases) {
      const spec = object.spec as Record<string, { strategy?: { name?: string } } | undefined>;
      expect(spec.install?.strategy?.name, `${file} install`).toBe("RetryOnFailure");
      expect(spec.upgrade?.strategy?.name, `${file} upgrade`).toBe("RetryOnFailure");
    }
  });

  it("tells kubeseal where the Sealed Secrets controller runs", () => {
    const release = manifestObjects().find(
      ({ object }) => object.kind === "HelmRelease" && object.metadata.name === "sealed-secrets",
    )?.object;
    const values = (release?.spec as { values?: { fullnameOverride?: string } } | undefined)
      ?.values;
    const docs = readFileSync(path.join(repoRoot, "docs/platform/README.md"), "utf8");
    const commands = docs.match(/kubeseal[^\n]*(\\\n[^\n]*)*/g) ?? [];
    const invocations = commands.filter((c) => c.includes("--"));
    expect(invocations.length).toBeGreaterThan(0);
    for (const command of invocations) {
      expect(command).toContain(`--controller-namespace ${release?.metadata.namespace ?? "?"}`);
      expect(command).toContain(`--controller-name ${values?.fullnameOverride ?? "?"}`);
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
