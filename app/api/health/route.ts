/** Liveness: the process is up and serving. Public (see the public route list). */
export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
