import "server-only";
import { z } from "zod";
import { roles, type Actor } from "@/lib/actor";
import type {
  AuditJournal,
  AuditOutcome,
  AuditStart,
  AuditStatus,
  PendingAudit,
} from "@/lib/audit/types";
import { soleWriteOwner, type WriteOwner } from "@/lib/audit/write-owner";
import type { DatabaseClient } from "@/lib/db";
import type { AuditEntry } from "@/lib/generated/prisma/sqlite/client";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/unique-violation";

const statusSchema = z.enum(["pending", "succeeded", "failed", "refused"]);

/** An audit row as the Activity page shows it. */
export type AuditEntryView = {
  id: string;
  requestId: string;
  actor: { id: string | null; login: string; name: string | null };
  action: string;
  target: string;
  status: AuditStatus;
  commitSha: string | null;
  pullRequestUrl: string | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

export type AuditPage = { entries: AuditEntryView[]; nextCursor: string | null };

const pageInputSchema = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).optional(),
});

/*
 * Rows rebuilt from commit trailers may lack the email and role; the writer's recovery only
 * needs the request id and start time, so such rows still come back, as a viewer without email.
 */
function actorOf(row: AuditEntry): Actor {
  return {
    id: row.actorId ?? "",
    login: row.actorLogin,
    name: row.actorName ?? row.actorLogin,
    email: row.actorEmail ?? "",
    role: z.enum(roles).catch("viewer").parse(row.actorRole),
  };
}

function viewOf(row: AuditEntry): AuditEntryView {
  return {
    id: row.id,
    requestId: row.requestId,
    actor: { id: row.actorId, login: row.actorLogin, name: row.actorName },
    action: row.action,
    target: row.target,
    status: statusSchema.parse(row.status),
    commitSha: row.commitSha,
    pullRequestUrl: row.pullRequestUrl,
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

async function start(
  client: DatabaseClient,
  entry: AuditStart,
  ownerId: string | null,
): Promise<void> {
  const { actor } = entry;
  try {
    await client.auditEntry.create({
      data: {
        ownerId,
        requestId: entry.requestId,
        actorId: actor.id,
        actorLogin: actor.login,
        actorName: actor.name,
        actorEmail: actor.email,
        actorRole: actor.role,
        action: entry.action,
        target: entry.target,
        status: "pending",
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new ConflictError(`The request ${entry.requestId} is already in the audit log.`, {
      cause: error,
    });
  }
}

async function finish(
  client: DatabaseClient,
  requestId: string,
  outcome: AuditOutcome,
): Promise<void> {
  const { count } = await client.auditEntry.updateMany({
    where: { requestId, status: "pending" },
    data: {
      status: outcome.status,
      commitSha: outcome.commitSha ?? null,
      pullRequestUrl: outcome.status === "succeeded" ? (outcome.pullRequestUrl ?? null) : null,
      error: outcome.status === "succeeded" ? null : outcome.error,
      finishedAt: new Date(),
    },
  });
  if (count === 1) return;
  const existing = await client.auditEntry.findUnique({ where: { requestId } });
  if (existing === null)
    throw new NotFoundError(`The request ${requestId} is not in the audit log.`);
  throw new ConflictError(`The request ${requestId} already finished (${existing.status}).`);
}

async function pending(client: DatabaseClient): Promise<PendingAudit[]> {
  const rows = await client.auditEntry.findMany({
    where: { status: "pending" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    requestId: row.requestId,
    actor: actorOf(row),
    action: row.action,
    target: row.target,
    startedAt: row.createdAt,
    ownerId: row.ownerId,
  }));
}

/** The audit journal in the database: `start` writes the pending row before any Git work. */
export function createPrismaAuditLog(
  client: DatabaseClient,
  owner: WriteOwner = soleWriteOwner(),
): AuditJournal {
  return {
    start: (entry) => start(client, entry, owner.id),
    ownerGone: async (entry) =>
      entry.ownerId === null || entry.ownerId === owner.id
        ? undefined
        : !(await owner.alive(entry.ownerId)),
    finish: (requestId, outcome) => finish(client, requestId, outcome),
    pending: () => pending(client),
  };
}

/** Newest first; pass the previous page's `nextCursor` to read on. */
export async function listAuditEntries(
  input: { limit?: number; cursor?: string },
  client: DatabaseClient,
): Promise<AuditPage> {
  const parsed = pageInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("The activity page was asked for a bad page.");
  const { limit, cursor } = parsed.data;
  const rows = await client.auditEntry.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor === undefined ? {} : { cursor: { id: cursor }, skip: 1 }),
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map(viewOf),
    nextCursor: rows.length > limit && last !== undefined ? last.id : null,
  };
}
