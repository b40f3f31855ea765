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

export type PendingAudit = AuditStart & { startedAt: Date };

/** What the GitOps writer needs to find accepted writes that a crash interrupted. */
export interface AuditJournal extends AuditLog {
  pending(): Promise<PendingAudit[]>;
}
