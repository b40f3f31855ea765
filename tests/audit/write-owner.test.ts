import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { postgresWriteOwner } from "@/lib/audit/postgres-write-owner";
import { createPrismaAuditLog } from "@/lib/audit/prisma-audit-log";
import { createDatabaseClient, type DatabaseClient } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { pgConfigFromUrl } from "@/lib/db/pg-config";
import { createTestDatabase, type TestDatabase } from "@/tests/db/support/databases";

const runs = process.env.TEST_POSTGRES_URL !== undefined || process.env.CI !== undefined;
const actor: Actor = {
  id: "user-1",
  login: "olga",
  name: "Olga",
  email: "olga@example.com",
  role: "operator",
};

// Two owners on one real PostgreSQL database are two replicas of the console.
describe.runIf(runs)("who may settle a pending write", () => {
  let database: TestDatabase;
  let client: DatabaseClient;
  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
    await applyMigrations({ databaseUrl: database.url });
    client = createDatabaseClient(database.url);
  });
  afterAll(async () => {
    await client?.$disconnect();
    await database?.drop();
  });

  it("another replica's row stays its own while it lives, and is orphaned once it is gone", async () => {
    let clock = 1_000_000;
    const a = postgresWriteOwner(pgConfigFromUrl(database.url));
    const b = postgresWriteOwner(pgConfigFromUrl(database.url), { now: () => clock });
    await Promise.all([a.held, b.held]);
    const journalA = createPrismaAuditLog(client, a);
    const journalB = createPrismaAuditLog(client, b);
    await journalA.start({ requestId: "req-a1", actor, action: "register-server", target: "n1" });
    const [row] = await journalB.pending();
    expect(row).toMatchObject({ requestId: "req-a1", ownerId: a.id });
    if (row === undefined) throw new Error("no pending row");

    expect(await journalA.ownerGone(row)).toBeUndefined();
    expect(await journalB.ownerGone(row)).toBe(false);
    // Asking changes nothing: A is still seen alive by whoever asks next.
    expect(await journalB.ownerGone(row)).toBe(false);

    await a.close();
    // A lock connection that dropped is taken again within a second: free for less than the
    // grace is not gone yet.
    expect(await journalB.ownerGone(row)).toBe(false);
    clock += 9_000;
    expect(await journalB.ownerGone(row)).toBe(false);
    clock += 1_000;
    expect(await journalB.ownerGone(row)).toBe(true);
    expect(await journalB.ownerGone({ ...row, ownerId: null })).toBeUndefined();
    await b.close();
  });

  it("a lock free again an hour after a blip is a new outage, with its own grace", async () => {
    let clock = 1_000_000;
    const b = postgresWriteOwner(pgConfigFromUrl(database.url), { now: () => clock });
    await b.held;
    const x = new pg.Client(pgConfigFromUrl(database.url));
    await x.connect();
    const lock = (call: string) =>
      x.query(`SELECT ${call}($1, hashtext($2))`, [0x6d66_6f77, "owner-x"]);
    try {
      // X's lock connection blips just as B asks: free once, then X holds it again.
      expect(await b.alive("owner-x")).toBe(true);
      await lock("pg_advisory_lock");
      clock += 3_600_000;
      // An hour later it blips again for a moment, and B happens to ask then.
      await lock("pg_advisory_unlock");
      expect(await b.alive("owner-x")).toBe(true);
      clock += 9_000;
      expect(await b.alive("owner-x")).toBe(true);
      clock += 1_000;
      expect(await b.alive("owner-x")).toBe(false);
    } finally {
      await x.end();
      await b.close();
    }
  });
});
