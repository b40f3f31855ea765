import { z } from "zod";
import { backoffDelay, type BackoffOptions } from "./backoff";
import { KubeStatusError, type KindSource, type WatchEvent } from "./kind-source";
import type { KindStore } from "./kind-store";

export type ReflectorOptions = {
  backoff: BackoffOptions;
  /** How often to look again for a kind whose CRD is not installed. */
  notInstalledRetryMs: number;
  /** A watch silent for this long (no event, no bookmark) is presumed dead and reopened. */
  idleTimeoutMs: number;
};

export type ReflectorStats = { lists: number; watches: number; gone: number; failures: number };

export type Reflector = { stop(): void; stats: ReflectorStats };

const statusEvent = z.object({ code: z.number().optional(), message: z.string().optional() });
const withVersion = z.object({ metadata: z.object({ resourceVersion: z.string().optional() }) });

type WatchOutcome = { resourceVersion: string; gone: boolean; healthy: boolean; error?: unknown };

/**
 * Keeps one kind's store equal to the cluster: list, then watch from the list's resourceVersion;
 * on a closed stream watch again from the last version seen; on 410 Gone list afresh; on errors
 * back off and keep the last known objects. Never gives up, so the cluster coming back heals it.
 */
export function startReflector<T extends { metadata: { name: string; namespace?: string } }>(
  store: KindStore<T>,
  source: KindSource,
  options: ReflectorOptions,
): Reflector {
  const stats: ReflectorStats = { lists: 0, watches: 0, gone: 0, failures: 0 };
  let stopped = false;
  let current: { abort(): void } | undefined;
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref?.();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const watchOnce = (resourceVersion: string): Promise<WatchOutcome> => {
    let latest = resourceVersion;
    let gone = false;
    let idle: NodeJS.Timeout | undefined;
    const openedAt = Date.now();
    const handle = source.watch(resourceVersion, (event: WatchEvent) => {
      armIdle();
      if (event.type === "ERROR") {
        const status = statusEvent.safeParse(event.object);
        if (status.success && status.data.code === 410) gone = true;
        return;
      }
      const version = withVersion.safeParse(event.object);
      if (version.success && version.data.metadata.resourceVersion) {
        latest = version.data.metadata.resourceVersion;
      }
      if (event.type === "BOOKMARK") store.touch();
      else if (event.type === "ADDED" || event.type === "MODIFIED" || event.type === "DELETED") {
        store.apply(event.type, event.object);
      }
    });
    current = handle;
    const armIdle = () => {
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => handle.abort(), options.idleTimeoutMs);
      idle.unref?.();
    };
    armIdle();
    return handle.ended.then((error) => {
      if (idle) clearTimeout(idle);
      current = undefined;
      const healthy = handle.opened() || Date.now() - openedAt > 2_000;
      return { resourceVersion: latest, gone, healthy, ...(error === undefined ? {} : { error }) };
    });
  };

  const run = async () => {
    let resourceVersion: string | undefined;
    let failures = 0;
    while (!stopped) {
      try {
        if (resourceVersion === undefined) {
          const list = await source.list();
          if (stopped) return;
          stats.lists += 1;
          store.replace(list.items);
          resourceVersion = list.resourceVersion;
        }
        store.setPhase({ phase: "synced", since: new Date() });
        failures = 0;
        stats.watches += 1;
        const outcome = await watchOnce(resourceVersion);
        if (outcome.gone) {
          stats.gone += 1;
          resourceVersion = undefined;
          continue;
        }
        resourceVersion = outcome.resourceVersion;
        if (outcome.error !== undefined) {
          if (outcome.error instanceof KubeStatusError && outcome.error.status === 410) {
            stats.gone += 1;
            resourceVersion = undefined;
            continue;
          }
          // A watch the server had accepted that drops is reopened at once from its version;
          // one that never opened counts as a failure and backs off.
          if (outcome.healthy) continue;
          throw outcome.error;
        }
        if (!outcome.healthy) await sleep(options.backoff.initialMs);
      } catch (error) {
        if (stopped) return;
        stats.failures += 1;
        const status = error instanceof KubeStatusError ? error.status : undefined;
        if (status === 410) {
          resourceVersion = undefined;
          continue;
        }
        if (status === 404) {
          resourceVersion = undefined;
          store.clear();
          store.setPhase({ phase: "not-installed", since: new Date() });
          await sleep(options.notInstalledRetryMs);
          continue;
        }
        // The next attempt lists again: a list that answers is what proves the way back.
        resourceVersion = undefined;
        const reason = describe(error);
        store.setPhase(
          status === 401 || status === 403
            ? { phase: "forbidden", since: new Date(), reason }
            : { phase: "unreachable", since: new Date(), reason },
        );
        await sleep(backoffDelay(failures, options.backoff));
        failures += 1;
      }
    }
  };

  void run();
  return {
    stats,
    stop() {
      stopped = true;
      current?.abort();
      wake?.();
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof KubeStatusError)
    return `the API server answered ${error.status} ${error.message}`;
  if (error instanceof Error) return error.message;
  return "unknown error";
}
