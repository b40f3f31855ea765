import "server-only";
import { databaseHealth } from "@/lib/db";
import { gitWriter } from "@/lib/gitops/writer";
import { singleton } from "@/lib/singleton";

export type Check = { ok: true } | { ok: false; reason: string };
export type Readiness = { ready: boolean; checks: { database: Check; git: Check } };

type ReadinessCache = { at: number; pending?: Promise<Readiness> };

// Probes and every open console tab ask often; an ls-remote per ask would load the Git host.
const cacheMs = 5_000;

async function gitCheck(): Promise<Check> {
  const status = await gitWriter().checkRemote();
  return status.ok ? { ok: true } : { ok: false, reason: status.reason };
}

async function measure(): Promise<Readiness> {
  const [database, git] = await Promise.all([databaseHealth(), gitCheck()]);
  return { ready: database.ok && git.ok, checks: { database, git } };
}

/** Whether the console can do its work: the database and the GitOps remote both answer. */
export function readiness(): Promise<Readiness> {
  const cache = singleton("readiness-cache", (): ReadinessCache => ({ at: 0 }));
  if (cache.pending === undefined || Date.now() - cache.at > cacheMs) {
    cache.at = Date.now();
    cache.pending = measure();
  }
  return cache.pending;
}
