import "server-only";
import { createPrismaAuditLog } from "@/lib/audit/prisma-audit-log";
import type { AuditJournal } from "@/lib/audit/types";
import { db } from "@/lib/db";
import { singleton } from "@/lib/singleton";

/** The console's audit journal: the Prisma one, on the process's database client. */
export function auditJournal(): AuditJournal {
  return singleton("audit-journal", () => createPrismaAuditLog(db()));
}
