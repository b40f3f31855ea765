import { hasRole, type Actor } from "@/lib/auth/actor";
import { ForbiddenError, InvalidError, type FieldIssues } from "@/lib/errors";
import type { z } from "zod";

/** Every server verb starts here: operators and admins change servers, viewers only look. */
export function requireOperator(actor: Actor): void {
  if (!hasRole(actor, "operator")) throw new ForbiddenError("Changing servers needs the operator role");
}

/** Parses a verb's input with its schema; a refusal names each field, as the form shows it. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldIssues = {};
  for (const issue of result.error.issues) {
    const name = issue.path.map(String).join(".") || "input";
    (fields[name] ??= []).push(issue.message);
  }
  throw new InvalidError("Some fields need attention", fields);
}
