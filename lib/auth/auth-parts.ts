import "server-only";
import { auditJournal } from "@/lib/audit/journal";
import type { AuditLog } from "@/lib/audit/types";
import { db, type DatabaseClient } from "@/lib/db";

export type AuthParts = { db: DatabaseClient; audit: AuditLog };

/*
 * Auth's parts, wired in this one place. Sign-in runs inside next-auth's callbacks and the session
 * check inside every page, neither of which can be handed a context, so auth reaches its database
 * and audit journal here rather than from lib/runtime/.
 */
export function authParts(): AuthParts {
  return { db: db(), audit: auditJournal() };
}
