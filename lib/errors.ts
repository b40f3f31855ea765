/** Typed domain errors. They are mapped to HTTP once, in `lib/http/error-response.ts`. */
export type DomainErrorKind = "not-found" | "conflict" | "forbidden" | "invalid" | "unavailable";

export class DomainError extends Error {
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

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
