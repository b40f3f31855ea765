import "server-only";
import { anyStore, createClusterStores, type ClusterStores } from "@/lib/k8s/cluster-stores";
import { kindInfo, kindKeys, type KindKey } from "@/lib/k8s/kinds";
import type { ClusterTarget } from "@/lib/k8s/kube-config";
import { annotateObject, type AnnotateObject } from "@/lib/k8s/watch/annotate-object";
import { kubeSource } from "@/lib/k8s/watch/kube-source";
import { startReflector, type Reflector, type ReflectorOptions } from "@/lib/k8s/watch/reflector";

export type ClusterWatch = {
  stores: ClusterStores;
  target: Pick<ClusterTarget, "label" | "sandbox" | "server"> | undefined;
  reflectors: Partial<Record<KindKey, Reflector>>;
  /** Sets annotations on one object (merge patch); undefined without a cluster. */
  annotate: AnnotateObject | undefined;
  /** Called at most every `coalesceMs` with the kinds that changed since the last call. */
  onChange(listener: (kinds: KindKey[]) => void): () => void;
  stop(): void;
};

export const defaultReflectorOptions: ReflectorOptions = {
  backoff: { initialMs: 500, maxMs: 30_000 },
  notInstalledRetryMs: 30_000,
  idleTimeoutMs: 330_000,
};

/** Starts one reflector per kind against the target; without a target the stores stay empty. */
export function startClusterWatch(
  target: ClusterTarget | undefined,
  options: ReflectorOptions = defaultReflectorOptions,
  coalesceMs = 200,
): ClusterWatch {
  const stores = createClusterStores();
  const reflectors: Partial<Record<KindKey, Reflector>> = {};
  const listeners = new Set<(kinds: KindKey[]) => void>();
  const dirty = new Set<KindKey>();
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    const kinds = [...dirty];
    dirty.clear();
    for (const listener of listeners) listener(kinds);
  };

  for (const key of kindKeys) {
    const store = anyStore(stores, key);
    store.onChange(() => {
      dirty.add(key);
      timer ??= setTimeout(flush, coalesceMs);
    });
    if (target) reflectors[key] = startReflector(store, kubeSource(target.config, kindInfo[key]), options);
  }

  return {
    stores,
    target: target && { label: target.label, sandbox: target.sandbox, server: target.server },
    reflectors,
    annotate: target && annotateObject(target.config),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      for (const reflector of Object.values(reflectors)) reflector.stop();
      if (timer) clearTimeout(timer);
    },
  };
}
