/**
 * What to send for a GET or HEAD of a representation with a strong ETag and a known size
 * (RFC 9110 §13 and §14): one range at most; anything we do not serve as a range gets the whole.
 */
export type RangeDecision =
  | { kind: "full" }
  | { kind: "partial"; start: number; end: number }
  | { kind: "not-modified" }
  | { kind: "unsatisfiable" };

export type ConditionalHeaders = {
  range: string | null;
  ifRange: string | null;
  ifNoneMatch: string | null;
};

function matchesAny(list: string, etag: string): boolean {
  return list
    .split(",")
    .map((item) => item.trim().replace(/^W\//, ""))
    .some((item) => item === "*" || item === etag);
}

export function decideRange(
  headers: ConditionalHeaders,
  etag: string,
  size: number,
): RangeDecision {
  if (headers.ifNoneMatch !== null && matchesAny(headers.ifNoneMatch, etag))
    return { kind: "not-modified" };
  if (headers.range === null) return { kind: "full" };
  // If-Range needs a strong match; a date never matches, as we send no Last-Modified.
  if (headers.ifRange !== null && headers.ifRange.trim() !== etag) return { kind: "full" };
  const match = /^bytes=(\d*)-(\d*)$/.exec(headers.range.trim());
  if (match === null) return { kind: "full" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "full" };
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== "" && Number(last) < start) return { kind: "full" };
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", start, end };
}

export function conditionalHeaders(request: Request): ConditionalHeaders {
  return {
    range: request.headers.get("range"),
    ifRange: request.headers.get("if-range"),
    ifNoneMatch: request.headers.get("if-none-match"),
  };
}
