import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { AuditLog } from "@/lib/audit/types";

/** Runs `work` between an audit start and its finish: succeeded, or failed with the reason. */
export async function audited<T>(
  audit: AuditLog,
  entry: { actor: Actor; action: string; target: string },
  work: () => Promise<T>,
): Promise<T> {
  const requestId = randomUUID();
  await audit.start({ requestId, ...entry });
  try {
    const result = await work();
    await audit.finish(requestId, { status: "succeeded" });
    return result;
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unknown error";
    await audit.finish(requestId, { status: "failed", error: reason.slice(0, 500) });
    throw error;
  }
}
