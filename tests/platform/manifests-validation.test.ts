import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fluxKustomizations, renderKustomization } from "./lib/flux-build";
import { tool } from "./lib/tools";
import { capacityProfiles } from "./lib/cloud-init";
import { platformSettings, sampleTerraformValues } from "./lib/platform-env";
import { validateManifests } from "./lib/validate-manifests";

let kustomize = "";
beforeAll(() => {
  kustomize = tool("kustomize");
}, 300_000);

const work = mkdtempSync(path.join(tmpdir(), "foundry-manifests-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The same check the fork's pull requests run (npm run validate:manifests).
describe("manifests/ as the fork's pull-request check validates it", () => {
  it.each(Object.keys(capacityProfiles.profiles))(
    "builds, substitutes and validates every Flux Kustomization path of the %s profile without a problem",
    (profile) => {
      const report = validateManifests({
        kustomize,
        settings: platformSettings(sampleTerraformValues, profile),
      });
      expect(report.problems).toEqual([]);
      expect(report.kustomizations.sort()).toEqual(
        fluxKustomizations()
          .map((k) => k.name)
          .sort(),
      );
      expect(report.kustomizations).toEqual(
        expect.arrayContaining([
          "foundry",
          "infra-controllers",
          "infra-configs",
          "tinkerbell",
          "apps",
        ]),
      );
      expect(report.objects.length).toBeGreaterThan(40);
    },
  );

  it("reports a build failure, an unset setting and an invalid image (not silently off)", () => {
    const dir = path.join(work, "broken");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, "kustomization.yaml"),
      "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [pod.yaml]\n",
    );
    writeFileSync(
      path.join(dir, "pod.yaml"),
      [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: p",
        "  namespace: ${NOT_A_SETTING}",
        "spec:",
        "  containers:",
        "    - name: c",
        "      image: ghcr.io/OWNER/x:latest",
        "",
      ].join("\n"),
    );
    const k = {
      file: "test",
      name: "broken",
      path: dir,
      source: "foundry",
      substitute: {},
      substituteFrom: [{ kind: "ConfigMap", name: "foundry-platform", optional: false }],
    };
    const report = validateManifests({ kustomize, settings: {}, kustomizations: [k] });
    expect(report.problems.join("\n")).toMatch(/Pod\/p uses \$\{NOT_A_SETTING\}/);
    expect(report.problems.join("\n")).toMatch(/OWNER.*lower case/);
    const missing = renderKustomization(kustomize, { ...k, path: path.join(work, "nothing") }, {});
    expect(missing.problems.join("\n")).toMatch(/kustomize build failed/);
    const noConfigMap = renderKustomization(kustomize, k, {});
    expect(noConfigMap.problems.join("\n")).toMatch(/no ConfigMap foundry-platform/);
  });
});
