import type { ClusterWatch } from "@/lib/k8s/cluster-watch";
import { anyStore } from "@/lib/k8s/cluster-stores";
import { kindInfo, type KindKey } from "@/lib/k8s/kinds";

/** How a page panel should introduce a kind: present, not installed yet, or last known. */
export type KindPanelState = {
  key: KindKey;
  title: string;
  phase: "not-configured" | "starting" | "synced" | "not-installed" | "forbidden" | "unreachable";
  reason: string | null;
  syncedAt: string | null;
  crd: string | null;
  count: number;
};

export function kindPanel(watch: ClusterWatch, key: KindKey): KindPanelState {
  const store = anyStore(watch.stores, key);
  const info = kindInfo[key];
  const phase = store.phase;
  return {
    key,
    title: info.title,
    phase: watch.target === undefined ? "not-configured" : phase.phase,
    reason: "reason" in phase ? phase.reason : null,
    syncedAt: store.syncedAt?.toISOString() ?? null,
    crd: "crd" in info ? info.crd : null,
    count: store.size,
  };
}

/** Recomputes only when one of the kinds changed since the last call. */
export function memoByVersion<T>(kinds: readonly KindKey[], compute: (watch: ClusterWatch) => T) {
  let last: { watch: ClusterWatch; stamp: string; value: T } | undefined;
  return (watch: ClusterWatch): T => {
    const stamp = kinds
      .map((key) => {
        const store = anyStore(watch.stores, key);
        return `${store.version}:${store.phase.phase}`;
      })
      .join(",");
    if (last && last.watch === watch && last.stamp === stamp) return last.value;
    const value = compute(watch);
    last = { watch, stamp, value };
    return value;
  };
}
