import { isDomainError } from "@/lib/errors";
import type { AuditOutcome } from "@/lib/audit/types";
import type { Redactor } from "./redact";

/** Makes sure no error leaves the module carrying the token, whatever produced it. */
export function scrubError(error: unknown, redact: Redactor): Error {
  if (!(error instanceof Error)) return new Error("the change failed for an unknown reason");
  const message = redact(error.message);
  if (message !== error.message) {
    error.message = message;
    error.stack = error.stack === undefined ? undefined : redact(error.stack);
  }
  return error;
}

/** A change the domain turned down (it no longer fits, or was not valid) vs. a Git failure. */
export function failureOutcome(error: Error): AuditOutcome {
  const refused = isDomainError(error) && error.kind !== "unavailable";
  return { status: refused ? "refused" : "failed", error: error.message };
}
