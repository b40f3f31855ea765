import { publicRoute } from "@/lib/auth/public-route";
import { readiness } from "@/lib/status/readiness";

// Probes the database and the Git remote per request; never evaluated at build time.
export const dynamic = "force-dynamic";

/** Readiness: the database and the GitOps remote answer; each check says why when it does not. */
export const GET = publicRoute(async () => {
  const report = await readiness();
  return Response.json(report, {
    status: report.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
});
