import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { goModuleDir } from "./go-module";
import { keptFileName, schemasFromCrd, type KeptSchema } from "./crd-schema";

export const repoRoot = path.resolve(__dirname, "../../..");
export const schemaDir = path.resolve(__dirname, "../schemas");
// Beside the repository in CI and on developer machines; absent in a bare clone.
export const referenceDir = path.resolve(repoRoot, "../shared/reference");
export const referenceFolders = ["flux/crds", "tinkerbell/v1alpha1", "gateway-api/standard"];

export function hasReference(): boolean {
  return existsSync(referenceDir);
}

/*
 * The Gateway API CRDs are not in shared/reference: they come from the gateway-api Go module at
 * the tag the tree's GitRepository pins (the same files as config/crd/standard on GitHub).
 */
function gatewayApiCrds(): string {
  const repository = readFileSync(
    path.join(repoRoot, "manifests/infrastructure/gateway-api/repository.yaml"),
    "utf8",
  );
  const tag = /^\s*tag: (v[0-9.]+)$/m.exec(repository)?.[1];
  if (!tag) throw new Error("manifests/infrastructure/gateway-api/repository.yaml pins no tag");
  return path.join(goModuleDir("sigs.k8s.io/gateway-api", tag), "config/crd/standard");
}

export function schemasFromReference(root = referenceDir): Map<string, KeptSchema> {
  const out = new Map<string, KeptSchema>();
  for (const folder of referenceFolders) {
    const dir = folder === "gateway-api/standard" ? gatewayApiCrds() : path.join(root, folder);
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
