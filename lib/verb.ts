import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { AuditLog } from "@/lib/audit/types";
import { hasRole, type Actor, type Role } from "@/lib/actor";
import { ForbiddenError, InvalidError, type FieldIssues } from "@/lib/errors";
import { fieldIssues } from "@/lib/field-issues";

/*
 * The opening every verb in lib/ shares: `({ actor, input }, ctx)`, then the role, then the input
 * through its schema, then the work between an audit start and finish. A refusal is a domain error
 * (lib/errors.ts) whose fields reach the form or the JSON body unchanged.
 */

/** The first line of a verb: `what` needs `role` ("Making per-server boot media needs the operator role."). */
export function requireRole(actor: Actor, role: Role, what: string): void {
  if (!hasRole(actor, role)) throw new ForbiddenError(`${what} needs the ${role} role.`);
}

const fieldsNeedAttention = () => "Some fields need attention";

/** Parses a verb's input; a refusal names each field as the form shows it, under one message. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message: (fields: FieldIssues) => string = fieldsNeedAttention,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = fieldIssues(parsed.error);
  throw new InvalidError(message(fields), fields);
}

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
