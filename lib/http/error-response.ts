import { fieldsOf, isDomainError, type DomainErrorKind } from "@/lib/errors";

const statusByKind: Record<DomainErrorKind, number> = {
  "not-found": 404,
  conflict: 409,
  forbidden: 403,
  invalid: 400,
  unavailable: 503,
};

export type ErrorBody = { error: string; fields?: Record<string, string[]> };

/** The one place where domain errors become HTTP; unknown errors never leak their message. */
export function errorResponse(error: unknown): Response {
  if (isDomainError(error)) {
    const body: ErrorBody = { error: error.message };
    const fields = fieldsOf(error);
    if (fields) body.fields = fields;
    return Response.json(body, { status: statusByKind[error.kind] });
  }
  console.error("unexpected error", error);
  return Response.json({ error: "Internal error" } satisfies ErrorBody, { status: 500 });
}
