import type { z } from "zod";
import type { FieldIssues } from "@/lib/errors";

/** The same shape the server answers with: messages by dotted field path. */
export function issuesOf(error: z.ZodError): FieldIssues {
  const fields: FieldIssues = {};
  for (const issue of error.issues) (fields[issue.path.map(String).join(".") || "input"] ??= []).push(issue.message);
  return fields;
}
