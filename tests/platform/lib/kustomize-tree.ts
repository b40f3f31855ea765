import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { repoRoot } from "./reference";
import { capacityProfiles } from "./cloud-init";
import { fluxSubstitute } from "./flux-substitute";
import { manifestObjects } from "./yaml-files";

const profileSettings = Object.values(capacityProfiles.profiles).map((profile) => ({
  FLUX_CLUSTER_PATH: profile.cluster_path,
}));

export interface TreeReport {
  problems: string[];
  reached: Set<string>;
}

function resourcesOf(kustomizationFile: string): string[] {
  const doc: unknown = parse(readFileSync(kustomizationFile, "utf8"));
  if (typeof doc !== "object" || doc === null) return [];
  const { resources } = doc as { resources?: unknown };
  return Array.isArray(resources) ? resources.map(String) : [];
}

// What `kustomize build` and Flux need from the tree, without the binaries: every resources
// entry exists (a file, or a folder with its own kustomization.yaml), every Flux Kustomization
// path resolves to a built folder, and each file reached is recorded for the orphan check.
export function walkTree(entry = "manifests/clusters/foundry"): TreeReport {
  const problems: string[] = [];
  const reached = new Set<string>();
  const builtDirs = new Set<string>();

  const build = (dir: string): void => {
    const rel = path.relative(repoRoot, dir);
    if (builtDirs.has(rel)) return;
    builtDirs.add(rel);
    const file = path.join(dir, "kustomization.yaml");
    if (!existsSync(file)) {
      problems.push(`${rel}: no kustomization.yaml`);
      return;
    }
    reached.add(path.relative(repoRoot, file));
    for (const resource of resourcesOf(file)) {
      const target = path.resolve(dir, resource);
      if (!target.startsWith(path.join(repoRoot, "manifests"))) {
        problems.push(`${rel}: ${resource} leaves manifests/`);
      } else if (!existsSync(target)) {
        problems.push(`${rel}: ${resource} does not exist`);
      } else if (statSync(target).isDirectory()) {
        build(target);
      } else {
        reached.add(path.relative(repoRoot, target));
      }
    }
  };

  build(path.join(repoRoot, entry));
  const pinnedSources = new Set(
    manifestObjects()
      .map(({ object }) => object)
      .filter((o) => o.kind === "GitRepository" && /^v\d+\.\d+\.\d+$/.test(tagOf(o.spec)))
      .map((o) => String(o.metadata.name)),
  );
  for (const { file, object } of manifestObjects()) {
    if (
      object.kind !== "Kustomization" ||
      !object.apiVersion.startsWith("kustomize.toolkit.fluxcd.io/")
    )
      continue;
    const spec = object.spec as { path?: unknown; sourceRef?: { name?: unknown } } | undefined;
    const source = spec?.sourceRef?.name;
    if (source !== "foundry") {
      // A path in another repository cannot be walked here; that repository must be pinned.
      if (!pinnedSources.has(String(source))) {
        problems.push(
          `${file}: Kustomization ${object.metadata.name ?? "?"} reads ${String(source)}, not a GitRepository of the tree pinned by tag`,
        );
      }
      continue;
    }
    // A path may name a platform setting: each capacity profile's value is a tree Flux builds.
    const targets =
      typeof spec?.path === "string"
        ? [
            ...new Set(
              profileSettings.map((settings) => fluxSubstitute(String(spec.path), settings)),
            ),
          ]
        : [""];
    for (const relative of targets) {
      const target = relative && path.resolve(repoRoot, relative);
      if (!target || !existsSync(target) || !statSync(target).isDirectory()) {
        problems.push(
          `${file}: Kustomization ${object.metadata.name ?? "?"} path ${relative || String(spec?.path)} is not a folder`,
        );
        continue;
      }
      build(target);
    }
  }
  return { problems, reached };
}

function tagOf(spec: unknown): string {
  const ref = (spec as { ref?: { tag?: unknown } } | undefined)?.ref;
  return typeof ref?.tag === "string" ? ref.tag : "";
}
