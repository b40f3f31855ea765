import type { Actor } from "@/lib/actor";

export type AuditStatus = "pending" | "succeeded" | "failed" | "refused";

export type AuditStart = {
  requestId: string;
  actor: Actor;
  action: string;
  target: string;
};

export type AuditOutcome =
  | { status: "succeeded"; commitSha?: string; pullRequestUrl?: string }
  | { status: "failed" | "refused"; error: string; commitSha?: string };

/** Where verbs record what they did. The Prisma implementation is `lib/audit/prisma-audit-log.ts`. */
export interface AuditLog {
  start(entry: AuditStart): Promise<void>;
  finish(requestId: string, outcome: AuditOutcome): Promise<void>;
}

export type PendingAudit = AuditStart & { startedAt: Date; ownerId: string | null };

/** What the GitOps writer needs to find accepted writes that a crash interrupted. */
export interface AuditJournal extends AuditLog {
  pending(): Promise<PendingAudit[]>;
  /**
   * True when the row was taken by another console process that is gone, false while that
   * process lives; undefined for this process's own rows and rows that name no process.
   */
  ownerGone(entry: PendingAudit): Promise<boolean | undefined>;
}
