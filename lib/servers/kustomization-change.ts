import type { GitTree } from "@/lib/gitops/types";
import { editKustomizationResources } from "@/lib/manifests/kustomization-resources";
import { toYaml } from "@/lib/manifests/yaml-document";
import { baseName, kustomizationOf } from "./paths";

/** Adds and removes files in a folder's kustomization.yaml, in the same change as the files. */
export async function updateResources(
  tree: GitTree,
  folder: string,
  edit: { add?: string[]; remove?: string[] },
): Promise<void> {
  const path = kustomizationOf(folder);
  const text =
    (await tree.read(path)) ??
    toYaml({
      apiVersion: "kustomize.config.k8s.io/v1beta1",
      kind: "Kustomization",
      namespace: "tinkerbell",
      resources: [],
    });
  const next = editKustomizationResources(text, {
    add: edit.add?.map(baseName),
    remove: edit.remove?.map(baseName),
  });
  if (next !== text) await tree.write(path, next);
}
