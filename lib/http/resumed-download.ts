/** A request for a later part of a download (not its first byte): not a new download to audit. */
export function isResumedDownload(request: Request): boolean {
  if (request.method === "HEAD") return true;
  const range = request.headers.get("range");
  return range !== null && !/^\s*bytes=0-/.test(range);
}
