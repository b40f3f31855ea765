import "server-only";
import {
  ApiException,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
  type KubeConfig,
} from "@kubernetes/client-node";
import { kindInfo, type FluxKindKey } from "@/lib/k8s/kinds";
import { KubeStatusError } from "./kind-source";

export type AnnotateObject = (
  kind: FluxKindKey,
  namespace: string,
  name: string,
  annotations: Record<string, string>,
) => Promise<void>;

/** A JSON merge patch of `metadata.annotations`, as `flux reconcile` sends it. */
export function annotateObject(config: KubeConfig): AnnotateObject {
  const custom = config.makeApiClient(CustomObjectsApi);
  return async (kind, namespace, name, annotations) => {
    const info = kindInfo[kind];
    try {
      await custom.patchNamespacedCustomObject(
        {
          group: info.group,
          version: info.version,
          namespace,
          plural: info.plural,
          name,
          body: { metadata: { annotations } },
        },
        setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
      );
    } catch (error) {
      if (error instanceof ApiException)
        throw new KubeStatusError(error.code, `patch refused (${error.code})`);
      throw error;
    }
  };
}
