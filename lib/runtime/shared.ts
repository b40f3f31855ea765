import "server-only";
import { auditJournal } from "@/lib/audit/journal";
import type { AuditLog } from "@/lib/audit/types";
import { db, type DatabaseClient } from "@/lib/db";
import { env } from "@/lib/settings/env";
import { UnavailableError } from "@/lib/errors";
import { eventBus } from "@/lib/events/process-bus";
import { publishingAudit } from "@/lib/events/publishing-audit";
import { cluster } from "@/lib/k8s/cluster";
import type { ClusterWatch } from "@/lib/k8s/cluster-watch";
import { loadClusterTarget, type ClusterTarget } from "@/lib/k8s/kube-config";
import { singleton } from "@/lib/singleton";

/*
 * lib/runtime/ is the one place the running console's dependencies are built, each once, from its
 * settings, and where the domains are tied to each other (a decommission revokes boot media
 * tokens, a claim reads the servers' Git generation). One file per domain, so a route loads only
 * the domains it uses. Verbs take what they need as their second argument; tests build their own.
 * Nothing in a domain reaches for another domain's parts.
 */

/** The parts every domain shares: database, audit journal, the cluster view, the clock. */
export type SharedParts = {
  db: DatabaseClient;
  audit: AuditLog;
  cluster: ClusterWatch;
  now(): Date;
};

export function sharedParts(): SharedParts {
  return singleton("runtime:shared", () => ({
    db: db(),
    audit: publishingAudit(auditJournal(), eventBus()),
    cluster: cluster(),
    now: () => new Date(),
  }));
}

/*
 * A part that talks to the cluster: none without a cluster configured; otherwise the configuration
 * is read and the client library loaded once, in the background, and a use before or without them
 * is refused as unavailable with `unavailable` (the reason is logged once, never shown).
 */
export function lazyClusterPart<T>(
  name: string,
  make: (config: ClusterTarget["config"]) => Promise<T>,
  unavailable: string,
): (() => Promise<T>) | undefined {
  const settings = env().cluster;
  if (settings.source === "none") return undefined;
  const part = loadClusterTarget(settings)
    .then((target) => (target ? make(target.config) : undefined))
    .catch((error: unknown) => {
      console.error(`${name}: cannot read the cluster configuration (${messageOf(error)})`);
      return undefined;
    });
  return async () => {
    const ready = await part;
    if (ready === undefined) throw new UnavailableError(unavailable);
    return ready;
  };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "unknown error";
}
