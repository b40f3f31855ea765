import { fluxObjectSchema } from "@/lib/k8s/schemas/flux";
import { nodeSchema } from "@/lib/k8s/schemas/node";
import { bmcJobObjectSchema, machineSchema } from "@/lib/k8s/schemas/rufio";
import { hardwareSchema, templateSchema, workflowSchema } from "@/lib/k8s/schemas/tinkerbell";
import { KindStore } from "@/lib/k8s/watch/kind-store";
import type { KindKey } from "@/lib/k8s/kinds";

export type NamedObject = { metadata: { name: string; namespace?: string | undefined } };

/** The in-memory view of the cluster: one store per watched kind, typed by its schema. */
export function createClusterStores() {
  return {
    nodes: new KindStore(nodeSchema),
    hardware: new KindStore(hardwareSchema),
    templates: new KindStore(templateSchema),
    workflows: new KindStore(workflowSchema),
    machines: new KindStore(machineSchema),
    bmcjobs: new KindStore(bmcJobObjectSchema),
    gitrepositories: new KindStore(fluxObjectSchema),
    ocirepositories: new KindStore(fluxObjectSchema),
    helmrepositories: new KindStore(fluxObjectSchema),
    kustomizations: new KindStore(fluxObjectSchema),
    helmreleases: new KindStore(fluxObjectSchema),
  } satisfies Record<KindKey, KindStore<NamedObject>>;
}

export type ClusterStores = ReturnType<typeof createClusterStores>;

/** A store as the generic watch machinery sees it. */
export function anyStore(stores: ClusterStores, key: KindKey): KindStore<NamedObject> {
  return stores[key];
}
