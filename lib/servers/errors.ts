import { ConflictError, type FieldIssues } from "@/lib/errors";

/** A value the repository already holds for another server: a Conflict that names its field. */
export class DuplicateError extends ConflictError {
  constructor(
    message: string,
    readonly fields: FieldIssues,
  ) {
    super(message);
  }
}
