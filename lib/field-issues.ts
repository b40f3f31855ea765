import type { z } from "zod";
import type { FieldIssues } from "@/lib/errors";

/**
 * The one shape a refusal names its fields in, from verb to form: messages by dotted path. An
 * issue about the whole value goes under `whole` ("input" for a form, "row" for a CSV row).
 */
export function fieldIssues(error: z.ZodError, whole = "input"): FieldIssues {
  const fields: FieldIssues = {};
  for (const issue of error.issues)
    (fields[issue.path.map(String).join(".") || whole] ??= []).push(issue.message);
  return fields;
}

/** "Bad request: name is required; mac must be a MAC address." for callers that read text, not fields. */
export function badRequestSummary(fields: FieldIssues): string {
  const summary = Object.entries(fields)
    .map(([name, messages]) => `${name} ${messages.join(", ")}`)
    .join("; ");
  return `Bad request: ${summary}.`;
}
