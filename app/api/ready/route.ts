import { readiness } from "@/lib/status/readiness";

// Probes the database and the Git remote per request; never evaluated at build time.
export const dynamic = "force-dynamic";

/** Readiness: the database and the GitOps remote answer; each check says why when it does not. */
export async function GET(): Promise<Response> {
  const report = await readiness();
  return Response.json(report, {
    status: report.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
