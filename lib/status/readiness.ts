import "server-only";
import { databaseHealth } from "@/lib/db";
import { env } from "@/lib/settings/env";
import { gitWriter } from "@/lib/gitops/writer";
import { singleton } from "@/lib/singleton";
import { type Check, diskCheck, measureReadiness, type Readiness } from "./readiness-checks";

export type { Check, Readiness } from "./readiness-checks";

type ReadinessCache = { at: number; pending?: Promise<Readiness> };

// Probes and every open console tab ask often; an ls-remote per ask would load the Git host.
const cacheMs = 5_000;
// A probe that waits longer than this is itself the failure (the kubelet's is 5 s too).
const budgetMs = 5_000;

async function gitCheck(): Promise<Check> {
  const status = await gitWriter().checkRemote();
  return status.ok ? { ok: true } : { ok: false, reason: status.reason };
}

/** Whether the console can do its work: the database, the GitOps remote and the data disk. */
export function readiness(): Promise<Readiness> {
  const cache = singleton("readiness-cache", (): ReadinessCache => ({ at: 0 }));
  if (cache.pending === undefined || Date.now() - cache.at > cacheMs) {
    cache.at = Date.now();
    cache.pending = measureReadiness(
      { database: () => databaseHealth(), git: gitCheck, disk: () => diskCheck(env().dataDir) },
      budgetMs,
    );
  }
  return cache.pending;
}
