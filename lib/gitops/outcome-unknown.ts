import { UnavailableError } from "@/lib/errors";

/**
 * A push whose answer was lost and whose result could not be checked. The commit may have
 * landed, so the audit entry stays pending for `recoverInterruptedWrites` to settle from Git.
 */
export class OutcomeUnknownError extends UnavailableError {
  constructor(cause: string, requestId: string, branch: string) {
    super(
      `${cause}; whether the push landed is unknown and cannot be checked now: look for ` +
        `"Foundry-Request: ${requestId}" on "${branch}" before trying again (the activity ` +
        "entry stays pending until the console can check)",
    );
  }
}
