import { pgConfigFromUrl } from "@/lib/db/pg-config";
import { postgresRateLimiter, type SharedRateLimiter } from "@/lib/http/postgres-rate-limiter";
import { rateLimiter, type RateLimiter, type RateLimitResult } from "@/lib/http/rate-limiter";
import { parseEnv } from "@/lib/settings/env-schema";
import { singleton } from "@/lib/singleton";

/** Which requests are counted, and how many a client may send per minute. */
const rules: { name: string; limit: number; matches: (method: string, path: string) => boolean }[] =
  [
    {
      name: "sign-in",
      limit: 20,
      matches: (method, path) =>
        (method === "POST" && (path.startsWith("/api/auth/signin") || path === "/sign-in")) ||
        path.startsWith("/api/auth/callback"),
    },
    { name: "webhooks", limit: 120, matches: (_method, path) => path.startsWith("/api/webhooks/") },
    // Servers enrol once per install: a handful per minute from one address is plenty.
    { name: "enroll", limit: 30, matches: (_method, path) => path.startsWith("/api/enroll/") },
  ];

const windowMs = 60_000;

function limiterFor(name: string, limit: number): RateLimiter {
  return singleton(`rate-limit:${name}`, () => rateLimiter({ limit, windowMs }));
}

// On PostgreSQL every replica counts in the same windows, so N replicas do not allow N times the
// limit; on SQLite the console is one process and counts in memory.
function sharedLimiter(): SharedRateLimiter | undefined {
  return singleton("rate-limit:shared", () => {
    const settings = parseEnv(process.env);
    return settings.database === "postgresql"
      ? postgresRateLimiter(pgConfigFromUrl(settings.databaseUrl), { windowMs })
      : undefined;
  });
}

async function hit(rule: (typeof rules)[number], client: string): Promise<RateLimitResult> {
  const shared = sharedLimiter();
  if (shared !== undefined) {
    try {
      return await shared.hit(rule.name, rule.limit, client);
    } catch (error) {
      // The database is down: each process counts for itself rather than refuse everyone.
      console.warn(
        `rate limits: counting in this process only: ${error instanceof Error ? error.message : "unknown error"}`,
      );
    }
  }
  return limiterFor(rule.name, rule.limit).hit(client);
}

/** Undefined when the request may go on; otherwise how long the client must wait. */
export async function rateLimitFor(
  method: string,
  path: string,
  client: string,
): Promise<{ retryAfterSeconds: number } | undefined> {
  for (const rule of rules) {
    if (!rule.matches(method, path)) continue;
    const result = await hit(rule, client);
    if (!result.allowed) return { retryAfterSeconds: result.retryAfterSeconds };
  }
  return undefined;
}
