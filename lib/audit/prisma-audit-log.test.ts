import { afterAll, beforeAll, expect, it } from "vitest";
import { createPrismaAuditLog, listAuditEntries } from "@/lib/audit/prisma-audit-log";
import type { AuditJournal } from "@/lib/audit/types";
import type { Actor } from "@/lib/actor";
import { createDatabaseClient, type DatabaseClient } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from "@/tests/db/support/databases";

const ada: Actor = {
  id: "u1",
  login: "ada",
  name: "Ada Lovelace",
  email: "ada@example.com",
  role: "operator",
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDatabase("Prisma audit log", (provider) => {
  let database: TestDatabase;
  let client: DatabaseClient;
  let audit: AuditJournal;
  let n = 0;
  const nextId = () => `req-${provider}-${++n}`;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await applyMigrations({ databaseUrl: database.url });
    client = createDatabaseClient(database.url);
    audit = createPrismaAuditLog(client);
  });
  afterAll(async () => {
    await client?.$disconnect();
    await database?.drop();
  });

  it("writes a pending row at start, which pending() returns with its actor", async () => {
    const requestId = nextId();
    const before = Date.now();
    await audit.start({ requestId, actor: ada, action: "register-server", target: "rack1-node3" });

    const entry = (await audit.pending()).find((item) => item.requestId === requestId);
    expect(entry).toMatchObject({
      requestId,
      actor: ada,
      action: "register-server",
      target: "rack1-node3",
    });
    expect(entry?.startedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const row = await client.auditEntry.findUniqueOrThrow({ where: { requestId } });
    expect(row).toMatchObject({ status: "pending", finishedAt: null, actorLogin: "ada" });
  });

  it("finishes an entry once, with its outcome and finish time", async () => {
    const requestId = nextId();
    await audit.start({ requestId, actor: ada, action: "register-server", target: "rack1-node4" });
    await audit.finish(requestId, {
      status: "succeeded",
      commitSha: "abc1234",
      pullRequestUrl: "https://example.com/pr/1",
    });

    const row = await client.auditEntry.findUniqueOrThrow({ where: { requestId } });
    expect(row).toMatchObject({
      status: "succeeded",
      commitSha: "abc1234",
      pullRequestUrl: "https://example.com/pr/1",
      error: null,
    });
    expect(row.finishedAt).toBeInstanceOf(Date);
    expect((await audit.pending()).map((item) => item.requestId)).not.toContain(requestId);
    await expect(
      audit.finish(requestId, { status: "failed", error: "late" }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("records refusals and failures with their error", async () => {
    const refused = nextId();
    await audit.start({
      requestId: refused,
      actor: ada,
      action: "decommission-server",
      target: "rack1-node5",
    });
    await audit.finish(refused, { status: "refused", error: "the server is still Ready" });
    expect(
      await client.auditEntry.findUniqueOrThrow({ where: { requestId: refused } }),
    ).toMatchObject({
      status: "refused",
      error: "the server is still Ready",
    });
  });

  it("refuses a second start and a finish for an unknown request", async () => {
    const requestId = nextId();
    await audit.start({ requestId, actor: ada, action: "register-server", target: "x" });
    await expect(
      audit.start({ requestId, actor: ada, action: "register-server", target: "x" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(audit.finish("no-such-request", { status: "succeeded" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("lists entries newest first, page by page, without gaps or repeats", async () => {
    await client.auditEntry.deleteMany();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const requestId = nextId();
      ids.push(requestId);
      await audit.start({ requestId, actor: ada, action: "register-server", target: `node-${i}` });
      await pause(5);
    }
    await audit.finish(ids[2] ?? "", {
      status: "failed",
      error: "push rejected",
      commitSha: "def5678",
    });

    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await listAuditEntries({ limit: 3, ...(cursor ? { cursor } : {}) }, client);
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.entries.map((entry) => entry.requestId));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([...ids].reverse());
    const first = await listAuditEntries({ limit: 10 }, client);
    expect(first.entries.find((entry) => entry.requestId === ids[2])).toMatchObject({
      status: "failed",
      error: "push rejected",
      commitSha: "def5678",
      actor: { id: "u1", login: "ada", name: "Ada Lovelace" },
    });
    await expect(listAuditEntries({ limit: 0 }, client)).rejects.toBeInstanceOf(InvalidError);
  });
});
