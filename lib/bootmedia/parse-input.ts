import type { z } from "zod";
import { InvalidError, type FieldIssues } from "@/lib/errors";

/** Parses a verb's input; a failure becomes an InvalidError naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: FieldIssues = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path.join(".") || "input";
    (fields[name] ??= []).push(issue.message);
  }
  const summary = Object.entries(fields)
    .map(([name, messages]) => `${name} ${messages.join(", ")}`)
    .join("; ");
  throw new InvalidError(`Bad request: ${summary}.`, fields);
}
