import { createServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { pgConfigFromUrl } from "@/lib/db/pg-config";
import { postgresRateLimiter, type SharedRateLimiter } from "@/lib/http/postgres-rate-limiter";
import { createTestDatabase, type TestDatabase } from "@/tests/db/support/databases";

const runs = process.env.TEST_POSTGRES_URL !== undefined || process.env.CI !== undefined;

// Two limiters on one real PostgreSQL database are two replicas of the console.
describe.runIf(runs)("rate limits every replica counts in", () => {
  let database: TestDatabase;
  let clock = Date.parse("2026-12-03T12:00:10Z");
  const limiters: SharedRateLimiter[] = [];
  const replica = () => {
    const limiter = postgresRateLimiter(pgConfigFromUrl(database.url), {
      windowMs: 60_000,
      now: () => clock,
    });
    limiters.push(limiter);
    return limiter;
  };
  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
    await applyMigrations({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await Promise.all(limiters.map((limiter) => limiter.close()));
    await database?.drop();
  });

  it("holds a limit of N at N across two replicas, even when they count at once", async () => {
    const a = replica();
    const b = replica();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, hit) => (hit % 2 === 0 ? a : b).hit("enroll", 30, "10.0.0.7")),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(30);
    const refused = await b.hit("enroll", 30, "10.0.0.7");
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect((await a.hit("enroll", 30, "10.0.0.8")).allowed).toBe(true);
    expect((await a.hit("sign-in", 20, "10.0.0.7")).allowed).toBe(true);
  });

  it("starts a new window on the minute, on every replica alike", async () => {
    const a = replica();
    const b = replica();
    for (let hit = 0; hit < 3; hit += 1) await a.hit("webhooks", 3, "10.0.0.9");
    expect((await b.hit("webhooks", 3, "10.0.0.9")).allowed).toBe(false);
    clock = Date.parse("2026-12-03T12:01:00Z");
    expect((await b.hit("webhooks", 3, "10.0.0.9")).allowed).toBe(true);
  });
});

describe("a database that went silent", () => {
  it("fails a hit within seconds, so the caller counts in its own process", async () => {
    // Accepts the connection and never says a word, as a database behind a dropped route does.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    const limiter = postgresRateLimiter(
      { host: "127.0.0.1", port: address.port, user: "foundry", database: "foundry" },
      { windowMs: 60_000 },
    );
    try {
      const started = Date.now();
      await expect(limiter.hit("sign-in", 5, "10.0.0.1")).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await limiter.close().catch(() => undefined);
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
