import type { Pool, PoolConfig } from "pg";
import { z } from "zod";
import type { RateLimitResult } from "./rate-limiter";

export type SharedRateLimiter = {
  hit(rule: string, limit: number, key: string): Promise<RateLimitResult>;
  close(): Promise<void>;
};

const countSchema = z.object({ count: z.coerce.number().int() });
const pruneEveryMs = 60_000;

/**
 * Fixed windows every replica counts in: one "RateLimitWindow" row per rule, client and window,
 * the window aligned to the clock so replicas agree on where it starts. One statement per hit
 * (an upsert), so two replicas counting at once never lose a hit.
 */
export function postgresRateLimiter(
  config: PoolConfig,
  options: { windowMs: number; now?: () => number },
): SharedRateLimiter {
  const now = options.now ?? Date.now;
  let pool: Pool | undefined;
  let prunedAt = 0;
  const poolOf = async (): Promise<Pool> => {
    if (pool === undefined) {
      const { default: pg } = await import("pg");
      // A hit waits at most this long on a database that went silent: the caller then counts in
      // this process, and a sign-in or a webhook never hangs on its rate limit.
      pool = new pg.Pool({
        ...config,
        max: 2,
        keepAlive: true,
        connectionTimeoutMillis: 2_000,
        query_timeout: 2_000,
        application_name: "foundry-rate-limits",
      });
      pool.on("error", () => undefined);
    }
    return pool;
  };
  return {
    async hit(rule, limit, key) {
      const at = now();
      const windowStart = Math.floor(at / options.windowMs) * options.windowMs;
      const db = await poolOf();
      const result = await db.query(
        `INSERT INTO "RateLimitWindow" ("rule", "client", "windowStart", "count") VALUES ($1, $2, $3, 1)
         ON CONFLICT ("rule", "client", "windowStart") DO UPDATE SET "count" = "RateLimitWindow"."count" + 1
         RETURNING "count"`,
        [rule, key, new Date(windowStart)],
      );
      if (at - prunedAt >= pruneEveryMs) {
        prunedAt = at;
        void db
          .query(`DELETE FROM "RateLimitWindow" WHERE "windowStart" < $1`, [new Date(windowStart)])
          .catch(() => undefined);
      }
      const { count } = countSchema.parse(result.rows[0]);
      if (count <= limit) return { allowed: true };
      const retryAfterMs = windowStart + options.windowMs - at;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
    },
    async close() {
      await pool?.end();
    },
  };
}
