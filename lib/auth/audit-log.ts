import "server-only";
import type { AuditLog } from "@/lib/audit/types";
import { auditJournal } from "@/lib/audit/journal";

/** Where access events are journaled: the console's audit journal, listed on the Activity page. */
export function auditLog(): AuditLog {
  return auditJournal();
}
