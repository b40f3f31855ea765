import "server-only";
import type { ClusterWatch } from "@/lib/k8s/cluster-watch";
import { fluxKindKeys, type FluxKindKey } from "@/lib/k8s/kinds";
import { reshapeFluxObject, type FluxObjectView } from "@/lib/k8s/views/reshape-flux";
import { kindPanel, memoByVersion, type KindPanelState } from "./kind-panel";

export type FluxPanel = { panel: KindPanelState; objects: FluxObjectView[] };
export type GitOpsView = Record<FluxKindKey, FluxPanel>;

const compute = memoByVersion(fluxKindKeys, (watch: ClusterWatch): GitOpsView => {
  const panel = (key: FluxKindKey): FluxPanel => ({
    panel: kindPanel(watch, key),
    objects: watch.stores[key]
      .all()
      .map((object) => reshapeFluxObject(key, object))
      .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`)),
  });
  return {
    gitrepositories: panel("gitrepositories"),
    ocirepositories: panel("ocirepositories"),
    helmrepositories: panel("helmrepositories"),
    kustomizations: panel("kustomizations"),
    helmreleases: panel("helmreleases"),
  };
});

/** Flux sources, Kustomizations and HelmReleases as the GitOps page shows them. */
export function gitopsView(watch: ClusterWatch): GitOpsView {
  return compute(watch);
}

export function findFluxObject(
  kindKey: FluxKindKey,
  namespace: string,
  name: string,
  watch: ClusterWatch,
): FluxObjectView | undefined {
  const object = watch.stores[kindKey].get(name, namespace);
  return object && reshapeFluxObject(kindKey, object);
}
