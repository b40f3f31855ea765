import { fieldsOf, isDomainError, type DomainErrorKind } from "@/lib/errors";
import { storageFailureOf } from "@/lib/storage-failure";

const statusByKind: Record<DomainErrorKind, number> = {
  "not-found": 404,
  conflict: 409,
  forbidden: 403,
  invalid: 400,
  unavailable: 503,
  "storage-full": 507,
};

export type ErrorBody = { error: string; fields?: Record<string, string[]> };

/** The one place where domain errors become HTTP; unknown errors never leak their message. */
export function errorResponse(thrown: unknown): Response {
  const error = storageFailureOf(thrown) ?? thrown;
  if (isDomainError(error)) {
    const body: ErrorBody = { error: error.message };
    const fields = fieldsOf(error);
    if (fields) body.fields = fields;
    return Response.json(body, { status: statusByKind[error.kind] });
  }
  console.error("unexpected error", error);
  return Response.json({ error: "Internal error" } satisfies ErrorBody, { status: 500 });
}
