import { publicRoute } from "@/lib/auth/public-route";

/** Liveness: the process is up and serving. Public (see the public route list). */
export const GET = publicRoute(() =>
  Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } }),
);
