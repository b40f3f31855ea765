/** Typed domain errors. They are mapped to HTTP once, in `lib/http/error-response.ts`. */
export type DomainErrorKind =
  "not-found" | "conflict" | "forbidden" | "invalid" | "unavailable" | "storage-full";
const domainErrorKinds: readonly string[] = [
  "not-found",
  "conflict",
  "forbidden",
  "invalid",
  "unavailable",
  "storage-full",
];

/*
 * Next.js bundles a module once per bundle (route handlers, server actions, instrumentation), so
 * an error thrown by a singleton made in one bundle is not `instanceof` the class of another. The
 * brand is a registered symbol, the same in every bundle: it is how a domain error is recognised.
 */
const brand = Symbol.for("metal-foundry.domain-error");

export class DomainError extends Error {
  readonly [brand] = true;
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("not-found", message, options);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("conflict", message, options);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("forbidden", message, options);
  }
}

export type FieldIssues = Record<string, string[]>;

export class InvalidError extends DomainError {
  constructor(
    message: string,
    readonly fields: FieldIssues = {},
    options?: { cause?: unknown },
  ) {
    super("invalid", message, options);
  }
}

export class UnavailableError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("unavailable", message, options);
  }
}

/** The console's own disk is full: nothing was saved, and retrying will not help until it is freed. */
export class StorageFullError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("storage-full", message, options);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  if (
    !(error instanceof Error) ||
    (error as Partial<Record<typeof brand, unknown>>)[brand] !== true
  )
    return false;
  const kind: unknown = (error as { kind?: unknown }).kind;
  return typeof kind === "string" && domainErrorKinds.includes(kind);
}

/** The field messages a domain error names (an Invalid error, or a Conflict such as a duplicate). */
export function fieldsOf(error: DomainError): FieldIssues | undefined {
  const value: unknown = "fields" in error ? error.fields : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  const fields: FieldIssues = {};
  for (const [key, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) fields[key] = messages.map(String);
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}
