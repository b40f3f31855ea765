import { rateLimiter, type RateLimiter } from "@/lib/http/rate-limiter";
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

function limiterFor(name: string, limit: number): RateLimiter {
  return singleton(`rate-limit:${name}`, () => rateLimiter({ limit, windowMs: 60_000 }));
}

/** Undefined when the request may go on; otherwise how long the client must wait. */
export function rateLimitFor(
  method: string,
  path: string,
  client: string,
): { retryAfterSeconds: number } | undefined {
  for (const rule of rules) {
    if (!rule.matches(method, path)) continue;
    const result = limiterFor(rule.name, rule.limit).hit(client);
    if (!result.allowed) return { retryAfterSeconds: result.retryAfterSeconds };
  }
  return undefined;
}
