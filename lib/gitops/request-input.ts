import { randomUUID } from "node:crypto";
import { z } from "zod";
import { InvalidError } from "@/lib/errors";
import { fieldIssues } from "@/lib/field-issues";
import { oneLine } from "./commit-message";
import type { ApplyChangeInput } from "./types";

const schema = z.object({
  action: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be a kebab-case verb such as register-server"),
  summary: z
    .string()
    .transform((value) => oneLine(value))
    .pipe(z.string().min(1, "must say what the change does")),
  requestId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, "must be letters, digits, '.', '_' or '-'")
    .optional(),
  target: z.string().optional(),
});

export type ParsedRequest = { action: string; summary: string; requestId: string; target: string };

/** Checks the parts of a request that end up in Git, before any Git work or audit row. */
export function parseRequest(input: ApplyChangeInput): ParsedRequest {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new InvalidError("the change request is not valid", fieldIssues(result.error));
  }
  const { action, summary, requestId, target } = result.data;
  return {
    action,
    summary,
    requestId: requestId ?? randomUUID(),
    target: oneLine(target ?? summary, 200),
  };
}
