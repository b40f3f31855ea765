import "server-only";
import { createPrismaAuditLog } from "@/lib/audit/prisma-audit-log";
import type { AuditJournal } from "@/lib/audit/types";
import { soleWriteOwner, type WriteOwner } from "@/lib/audit/write-owner";
import { db } from "@/lib/db";
import { pgConfigFromUrl } from "@/lib/db/pg-config";
import { postgresWriteOwner } from "@/lib/audit/postgres-write-owner";
import { env } from "@/lib/settings/env";
import { singleton } from "@/lib/singleton";

/** The console's audit journal: the Prisma one, on the process's database client. */
export function auditJournal(): AuditJournal {
  return singleton("audit-journal", () => createPrismaAuditLog(db(), writeOwner()));
}

/** On PostgreSQL replicas share the rows, so each holds a lock that says it is alive. */
export function writeOwner(): WriteOwner & { held: Promise<void> } {
  return singleton("write-owner", () => {
    const settings = env();
    return settings.database === "postgresql"
      ? postgresWriteOwner(pgConfigFromUrl(settings.databaseUrl))
      : { ...soleWriteOwner(), held: Promise.resolve() };
  });
}
