import "server-only";
import { anyStore, createClusterStores, type ClusterStores } from "@/lib/k8s/cluster-stores";
import { kindInfo, kindKeys, type KindKey } from "@/lib/k8s/kinds";
import type { ClusterTarget } from "@/lib/k8s/kube-config";
import type { AnnotateObject } from "@/lib/k8s/watch/annotate-object";
import { startReflector, type Reflector, type ReflectorOptions } from "@/lib/k8s/watch/reflector";

export type ClusterWatch = {
  stores: ClusterStores;
  target: Pick<ClusterTarget, "label" | "sandbox" | "server"> | undefined;
  reflectors: Partial<Record<KindKey, Reflector>>;
  /** Sets annotations on one object (merge patch); undefined without a cluster. */
  annotate: AnnotateObject | undefined;
  /** Settles once the target is known and its reflectors started (at once without a target). */
  attached: Promise<void>;
  /** Called at most every `coalesceMs` with the kinds that changed since the last call. */
  onChange(listener: (kinds: KindKey[]) => void): () => void;
  stop(): void;
};

export const defaultReflectorOptions: ReflectorOptions = {
  backoff: { initialMs: 500, maxMs: 30_000 },
  notInstalledRetryMs: 30_000,
  idleTimeoutMs: 330_000,
};

/**
 * Starts one reflector per kind against the target; without a target the stores stay empty.
 * The stores exist at once; the reflectors start when the target (and the client library) is in.
 */
export function startClusterWatch(
  target: ClusterTarget | undefined | Promise<ClusterTarget | undefined>,
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
    anyStore(stores, key).onChange(() => {
      dirty.add(key);
      timer ??= setTimeout(flush, coalesceMs);
    });
  }

  let stopped = false;
  const attach = async (resolved: ClusterTarget | undefined) => {
    if (!resolved) return;
    const [{ kubeSource }, { annotateObject }] = await Promise.all([
      import("@/lib/k8s/watch/kube-source"),
      import("@/lib/k8s/watch/annotate-object"),
    ]);
    if (stopped) return;
    for (const key of kindKeys) {
      reflectors[key] = startReflector(
        anyStore(stores, key),
        kubeSource(resolved.config, kindInfo[key]),
        options,
      );
    }
    watch.target = { label: resolved.label, sandbox: resolved.sandbox, server: resolved.server };
    watch.annotate = annotateObject(resolved.config);
  };

  const watch: ClusterWatch = {
    stores,
    target: undefined,
    reflectors,
    annotate: undefined,
    attached: Promise.resolve(target)
      .then(attach)
      .catch((error: unknown) => {
        console.error(
          `cluster: the watches did not start (${error instanceof Error ? error.message : "unknown error"})`,
        );
      }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      for (const reflector of Object.values(reflectors)) reflector.stop();
      if (timer) clearTimeout(timer);
    },
  };
  return watch;
}
