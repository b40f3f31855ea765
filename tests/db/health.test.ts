import { createServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseClient, type DatabaseClient } from "@/lib/db";
import { checkDatabase } from "@/lib/db/health";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "./support/databases";

describeEachDatabase("database health", (provider) => {
  let database: TestDatabase;
  let client: DatabaseClient;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    client = createDatabaseClient(database.url);
  });
  afterAll(async () => {
    await client?.$disconnect();
    await database?.drop();
  });

  it("is ok when the database answers", async () => {
    expect(await checkDatabase(client, database.url)).toEqual({ ok: true });
  });
});

describe("database health, unreachable", () => {
  it("says why without the URL or its password", async () => {
    const url = "postgresql://foundry:s3cret-pass@127.0.0.1:1/foundry";
    const client = createDatabaseClient(url);
    try {
      const health = await checkDatabase(client, url, 3_000);
      expect(health.ok).toBe(false);
      const reason = health.ok ? "" : health.reason;
      expect(reason.length).toBeGreaterThan(0);
      expect(reason).not.toContain("s3cret-pass");
      expect(reason).not.toContain("foundry:");
    } finally {
      await client.$disconnect();
    }
  });

  it("gives up after the timeout", async () => {
    // A server that accepts connections and never answers.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    const url = `postgresql://foundry:s3cret-pass@127.0.0.1:${port}/foundry`;
    const client = createDatabaseClient(url);
    try {
      const started = Date.now();
      expect(await checkDatabase(client, url, 200)).toEqual({
        ok: false,
        reason: "no answer within 200 ms",
      });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
      await client.$disconnect();
    }
  });
});
