import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { pgConfigFromUrl } from "@/lib/db/pg-config";
import { createKeyedQueue } from "@/lib/gitops/keyed-queue";
import { replicaQueue } from "@/lib/gitops/replica-queue";
import { createTestDatabase, type TestDatabase } from "@/tests/db/support/databases";

const runs = process.env.TEST_POSTGRES_URL !== undefined || process.env.CI !== undefined;

describe.runIf(runs)("the replicas' turn on a remote", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
    await applyMigrations({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("is not waited for past its bound when a replica that died still holds it", async () => {
    const config = pgConfigFromUrl(database.url);
    // Replica A's session as the server still sees it after A's node lost power.
    const a = new pg.Client(config);
    await a.connect();
    await a.query("SELECT pg_advisory_lock($1, hashtext($2))", [0x6d66_6777, "url#main"]);
    try {
      const b = replicaQueue(config, createKeyedQueue(), { turnWaitMs: 1_000 });
      const started = Date.now();
      const ranAfter = await b.run("url#main", async () => Date.now() - started);
      expect(ranAfter).toBeGreaterThanOrEqual(900);
      expect(ranAfter).toBeLessThan(10_000);
    } finally {
      await a.end();
    }
  }, 20_000);
});
