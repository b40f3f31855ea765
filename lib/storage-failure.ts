import { StorageFullError, UnavailableError, type DomainError } from "@/lib/errors";

const fullPattern = /ENOSPC|EDQUOT|No space left on device|database or disk is full|SQLITE_FULL/i;
const readOnlyPattern = /EROFS|read-only file system|readonly database|SQLITE_READONLY/i;

function textOf(error: unknown, depth = 0): string {
  if (!(error instanceof Error) || depth > 3) return "";
  const code = (error as { code?: unknown }).code;
  return `${typeof code === "string" ? code : ""} ${error.message} ${textOf(error.cause, depth + 1)}`;
}

/**
 * A disk or database that cannot be written, told apart from a bug: the person learns that
 * nothing was saved and why, instead of "Internal error". Undefined for anything else.
 */
export function storageFailureOf(error: unknown): DomainError | undefined {
  const text = textOf(error);
  if (fullPattern.test(text)) {
    return new StorageFullError(
      "The console's disk is full, so nothing was saved: free space in its data directory and try again",
      { cause: error },
    );
  }
  if (readOnlyPattern.test(text)) {
    return new UnavailableError(
      "The console cannot write its data directory (it is read-only), so nothing was saved",
      { cause: error },
    );
  }
  return undefined;
}
