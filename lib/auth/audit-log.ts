import "server-only";
import type { AuditLog } from "@/lib/audit/types";
import { db } from "@/lib/db";

/**
 * Where access events are journaled: the AuditEntry table, the same rows the Activity page lists.
 * Writes the rows directly until the shared Prisma journal (lib/audit/prisma-audit-log.ts) lands.
 */
export function auditLog(): AuditLog {
  return {
    async start({ requestId, actor, action, target }) {
      await db().auditEntry.create({
        data: {
          requestId,
          actorId: actor.id,
          actorLogin: actor.login,
          actorName: actor.name,
          actorEmail: actor.email,
          actorRole: actor.role,
          action,
          target,
          status: "pending",
        },
      });
    },
    async finish(requestId, outcome) {
      await db().auditEntry.update({
        where: { requestId },
        data: {
          status: outcome.status,
          error: outcome.status === "succeeded" ? null : outcome.error,
          finishedAt: new Date(),
        },
      });
    },
  };
}
