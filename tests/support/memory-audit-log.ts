import type { AuditJournal, AuditOutcome, AuditStart, PendingAudit } from "@/lib/audit/types";

export type MemoryAuditEntry = AuditStart & { startedAt: Date; outcome?: AuditOutcome };

/** An in-memory AuditJournal for tests: every entry, in the order it started. */
export type MemoryAuditLog = AuditJournal & {
  entries: MemoryAuditEntry[];
  get(requestId: string): MemoryAuditEntry | undefined;
};

export function createMemoryAuditLog(): MemoryAuditLog {
  const entries: MemoryAuditEntry[] = [];
  const get = (requestId: string) => entries.find((entry) => entry.requestId === requestId);
  return {
    entries,
    get,
    async start(entry) {
      if (get(entry.requestId)) throw new Error(`audit entry ${entry.requestId} already exists`);
      entries.push({ ...entry, startedAt: new Date() });
    },
    async finish(requestId, outcome) {
      const entry = get(requestId);
      if (!entry) throw new Error(`no audit entry ${requestId}`);
      if (entry.outcome) throw new Error(`audit entry ${requestId} is already finished`);
      entry.outcome = outcome;
    },
    async pending(): Promise<PendingAudit[]> {
      return entries
        .filter((entry) => entry.outcome === undefined)
        .map(({ requestId, actor, action, target, startedAt }) => ({
          requestId,
          actor,
          action,
          target,
          startedAt,
          ownerId: null,
        }));
    },
    ownerGone: async () => undefined,
  };
}
