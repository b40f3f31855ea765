/**
 * Where to send someone after sign-in: only a same-origin relative path, never another site.
 * Anything else (absolute URLs, `//host`, backslashes, control characters, auth pages) becomes "/".
 */
const probeOrigin = "http://foundry.invalid";
const loopPaths = ["/sign-in", "/not-allowed", "/api/auth"];

export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || value.length > 2048) return "/";
  if (!value.startsWith("/") || value.startsWith("//")) return "/";
  // Browsers treat "\" as "/" and drop tabs and newlines, so "/\evil.com" would leave the site.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, probeOrigin);
  } catch {
    return "/";
  }
  if (url.origin !== probeOrigin) return "/";
  if (loopPaths.some((path) => url.pathname === path || url.pathname.startsWith(`${path}/`))) {
    return "/";
  }
  const result = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments resolve away ("/.//evil.com" → "//evil.com"): check what we hand back, too.
  return result.startsWith("//") ? "/" : result;
}
