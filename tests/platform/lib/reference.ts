import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { keptFileName, schemasFromCrd, type KeptSchema } from "./crd-schema";

export const repoRoot = path.resolve(__dirname, "../../..");
export const schemaDir = path.resolve(__dirname, "../schemas");
// Beside the repository in CI and on developer machines; absent in a bare clone.
export const referenceDir = path.resolve(repoRoot, "../shared/reference");
export const referenceFolders = ["flux/crds", "tinkerbell/v1alpha1", "gateway-api/standard"];

export function hasReference(): boolean {
  return existsSync(referenceDir);
}

export function schemasFromReference(root = referenceDir): Map<string, KeptSchema> {
  const out = new Map<string, KeptSchema>();
  for (const folder of referenceFolders) {
    const dir = path.join(root, folder);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith(".yaml"))
      .sort()) {
      for (const kept of schemasFromCrd(path.join(dir, file), `${folder}/${file}`)) {
        out.set(keptFileName(kept), kept);
      }
    }
  }
  return out;
}
