import { isDomainError, InvalidError, type DomainErrorKind } from "@/lib/errors";

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
    const fields = error instanceof InvalidError || "fields" in error ? fieldsOf(error) : undefined;
    if (fields && Object.keys(fields).length > 0) body.fields = fields;
    return Response.json(body, { status: statusByKind[error.kind] });
  }
  console.error("unexpected error", error);
  return Response.json({ error: "Internal error" } satisfies ErrorBody, { status: 500 });
}

/** Field messages of an Invalid error, or of another domain error that names its fields. */
function fieldsOf(error: object): Record<string, string[]> | undefined {
  const value: unknown = "fields" in error ? error.fields : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) out[key] = messages.map(String);
  }
  return out;
}
