import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseAllDocuments, stringify, parse } from "yaml";
import { substitute, substitutionDisabled } from "./flux-substitute";
import { repoRoot } from "./reference";
import { isK8sObject, manifestObjects, type K8sObject } from "./yaml-files";

export interface FluxKustomization {
  file: string;
  name: string;
  path: string;
  /** The GitRepository it builds from: `foundry` is this tree; others are fetched by Flux. */
  source: string;
  substitute: Record<string, string>;
  substituteFrom: { kind: string; name: string; optional: boolean }[];
}

export function fluxKustomizations(): FluxKustomization[] {
  return manifestObjects()
    .filter(
      ({ object }) =>
        object.kind === "Kustomization" &&
        object.apiVersion.startsWith("kustomize.toolkit.fluxcd.io/"),
    )
    .map(({ file, object }) => {
      const spec = (object.spec ?? {}) as {
        path?: string;
        sourceRef?: { name?: string };
        postBuild?: {
          substitute?: Record<string, string>;
          substituteFrom?: { kind: string; name: string; optional?: boolean }[];
        };
      };
      return {
        file,
        name: object.metadata.name ?? "?",
        path: spec.path ?? "./",
        source: spec.sourceRef?.name ?? "?",
        substitute: spec.postBuild?.substitute ?? {},
        substituteFrom: (spec.postBuild?.substituteFrom ?? []).map((s) => ({
          kind: s.kind,
          name: s.name,
          optional: s.optional === true,
        })),
      };
    });
}

export interface Rendered {
  objects: K8sObject[];
  problems: string[];
}

// What kustomize-controller applies for one Kustomization: `kustomize build` of its path, then
// each object substituted from its postBuild (inline values over the referenced ConfigMaps, as
// Flux orders them). `configMaps` holds the data of the ConfigMaps the cluster would have.
export function renderKustomization(
  kustomize: string,
  k: FluxKustomization,
  configMaps: Record<string, Record<string, string>>,
): Rendered {
  // The root applies each Kustomization substituted from the platform settings, path included.
  const buildPath = substitute(k.path, configMaps["foundry-platform"] ?? {}).text;
  const label = `${k.file} Kustomization/${k.name} (${buildPath})`;
  const built = spawnSync(kustomize, ["build", path.resolve(repoRoot, buildPath)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (built.status !== 0) {
    return { objects: [], problems: [`${label}: kustomize build failed: ${built.stderr.trim()}`] };
  }
  const problems: string[] = [];
  const settings: Record<string, string> = {};
  for (const from of k.substituteFrom) {
    const data = from.kind === "ConfigMap" ? configMaps[from.name] : undefined;
    if (data) Object.assign(settings, data);
    else if (!from.optional)
      problems.push(`${label}: no ${from.kind} ${from.name} to substitute from`);
  }
  Object.assign(settings, k.substitute);
  const objects: K8sObject[] = [];
  for (const doc of parseAllDocuments(built.stdout)) {
    const object: unknown = doc.toJS();
    if (!isK8sObject(object)) continue;
    if (k.substituteFrom.length === 0 && Object.keys(k.substitute).length === 0) {
      objects.push(object);
      continue;
    }
    if (substitutionDisabled(object)) {
      objects.push(object);
      continue;
    }
    const { text, unset } = substitute(stringify(object), settings);
    const name = `${object.kind}/${object.metadata.name ?? "?"}`;
    for (const v of unset) problems.push(`${label}: ${name} uses \${${v}}, which nothing sets`);
    const substituted: unknown = parse(text);
    if (isK8sObject(substituted)) objects.push(substituted);
    else problems.push(`${label}: ${name} is no longer an object after substitution`);
  }
  return { objects, problems };
}

/** The tree's Flux Kustomization `name`, as kustomize-controller applies it with these settings. */
export function renderLayer(
  kustomize: string,
  name: string,
  settings: Record<string, string>,
): Rendered {
  const layer = fluxKustomizations().find((k) => k.name === name);
  if (!layer) throw new Error(`no Flux Kustomization ${name}`);
  return renderKustomization(kustomize, layer, { "foundry-platform": settings });
}
