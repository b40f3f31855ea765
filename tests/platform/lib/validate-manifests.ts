import { fluxKustomizations, renderKustomization, type FluxKustomization } from "./flux-build";
import { imageReferenceProblem } from "./image-reference";
import { platformSettings } from "./platform-env";
import { podImages } from "./pod-images";
import { createValidator } from "./validator";
import type { K8sObject } from "./yaml-files";

const fluxOrTinkerbell = /(\.toolkit\.fluxcd\.io|tinkerbell\.org)\//;

export interface ManifestReport {
  kustomizations: string[];
  objects: { kustomization: string; object: K8sObject }[];
  problems: string[];
}

// The fork's pull-request check and the project's tests alike (npm run validate:manifests): every
// Flux Kustomization's path built with kustomize and substituted as Flux would from the settings
// cloud-init writes; Flux and Tinkerbell objects against the kept CRD schemas of the pinned
// versions; every container image a reference the kubelet accepts.
export function validateManifests(options: {
  kustomize: string;
  settings?: Record<string, string>;
  kustomizations?: FluxKustomization[];
}): ManifestReport {
  const configMaps = { "foundry-platform": options.settings ?? platformSettings() };
  const validator = createValidator();
  const report: ManifestReport = { kustomizations: [], objects: [], problems: [] };
  for (const k of options.kustomizations ?? fluxKustomizations()) {
    report.kustomizations.push(k.name);
    // Another repository's tree (the Gateway API CRDs) is pinned by tag and checked where it is
    // fetched; tests/platform/lib/kustomize-tree.ts requires the pin.
    if (k.source !== "foundry") continue;
    const rendered = renderKustomization(options.kustomize, k, configMaps);
    report.problems.push(...rendered.problems);
    for (const object of rendered.objects) {
      report.objects.push({ kustomization: k.name, object });
      const name = `${k.name}: ${object.kind}/${object.metadata.name ?? "?"}`;
      if (fluxOrTinkerbell.test(object.apiVersion)) {
        for (const e of validator.validate(object, object.apiVersion, object.kind)) {
          report.problems.push(`${name} ${object.apiVersion}: ${e}`);
        }
      }
      // The API server takes only strings there; a substituted value can parse as a number.
      if (object.kind === "ConfigMap" || object.kind === "Secret") {
        for (const field of ["data", "stringData"]) {
          const entries = Object.entries((object[field] ?? {}) as Record<string, unknown>);
          for (const [key, value] of entries.filter(([, v]) => typeof v !== "string"))
            report.problems.push(`${name} ${field}.${key} is ${typeof value}, not a string`);
        }
      }
      for (const { where, image } of podImages(object)) {
        const problem = imageReferenceProblem(image);
        if (problem !== undefined) report.problems.push(`${k.name}: ${where}: ${problem}`);
      }
    }
  }
  return report;
}
