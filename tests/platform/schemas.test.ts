import { describe, expect, it } from "vitest";
import { fluxSubstitute } from "./lib/flux-substitute";
import { hasReference, schemasFromReference } from "./lib/reference";
import { createValidator, keptSchemas } from "./lib/validator";
import { manifestObjects } from "./lib/yaml-files";

const fluxOrTinkerbell = /(\.toolkit\.fluxcd\.io|tinkerbell\.org|gateway\.networking\.k8s\.io)\//;

// Flux validates what it applies, after postBuild substitution from the foundry-platform
// ConfigMap: the settings cloud-init gives (infra/cloud-init), and each ${NAME:=default}'s default.
const platform: Record<string, string> = {
  GIT_REPOSITORY_URL: "https://github.com/octo/metal-foundry.git",
  GITHUB_REPOSITORY: "octo/metal-foundry",
  GIT_BRANCH: "main",
  CONSOLE_HOSTNAME: "foundry.example.org",
};
function substituted<T>(object: T): T {
  return JSON.parse(fluxSubstitute(JSON.stringify(object), platform)) as T;
}

describe("Flux, Tinkerbell and Gateway API objects against the kept CRD schemas", () => {
  const validator = createValidator();
  const objects = manifestObjects()
    .filter(({ object }) => fluxOrTinkerbell.test(object.apiVersion))
    .map(({ file, object }) => ({ file, object: substituted(object) }));

  it("finds the objects it is meant to check", () => {
    const kinds = new Set(objects.map(({ object }) => object.kind));
    for (const kind of [
      "GitRepository",
      "Kustomization",
      "HelmRepository",
      "OCIRepository",
      "HelmRelease",
      "Receiver",
      "Gateway",
      "HTTPRoute",
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it.each(
    objects.map(
      ({ file, object }) =>
        [`${file} ${object.kind}/${object.metadata.name ?? "?"}`, object] as const,
    ),
  )("%s validates", (_label, object) => {
    expect(
      validator.handles(object.apiVersion, object.kind),
      `${object.apiVersion} ${object.kind}`,
    ).toBe(true);
    expect(validator.validate(object, object.apiVersion, object.kind)).toEqual([]);
  });

  it("rejects broken objects", () => {
    const good = {
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
      kind: "Kustomization",
      metadata: { name: "apps", namespace: "flux-system" },
      spec: { interval: "10m", prune: true, sourceRef: { kind: "GitRepository", name: "foundry" } },
    };
    const v = good.apiVersion;
    expect(validator.validate(good, v, "Kustomization")).toEqual([]);
    const { prune: _dropped, ...withoutPrune } = good.spec;
    expect(validator.validate({ ...good, spec: withoutPrune }, v, "Kustomization").join()).toMatch(
      /prune/,
    );
    const typo = { ...good, spec: { ...good.spec, dependOn: [{ name: "x" }] } };
    expect(validator.validate(typo, v, "Kustomization").join()).toMatch(/additional properties/);
    const badKind = { ...good, spec: { ...good.spec, sourceRef: { kind: "Bucket2", name: "x" } } };
    expect(validator.validate(badKind, v, "Kustomization")).not.toEqual([]);
    const hardware = {
      apiVersion: "tinkerbell.org/v1alpha1",
      kind: "Hardware",
      metadata: { name: "n1" },
      spec: { disks: "sda" },
    };
    expect(validator.validate(hardware, hardware.apiVersion, "Hardware")).not.toEqual([]);
  });
});

describe.runIf(hasReference())("kept schemas match the upstream CRDs in shared/reference", () => {
  it("has one kept schema per served CRD version, equal to a fresh conversion", () => {
    const kept = keptSchemas();
    const fresh = schemasFromReference();
    expect([...kept.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [file, schema] of fresh) expect(kept.get(file), file).toEqual(schema);
  });
});
