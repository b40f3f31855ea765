import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { createPrismaAuditLog } from "@/lib/audit/prisma-audit-log";
import { createDatabaseClient, type DatabaseClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { startClusterWatch } from "@/lib/k8s/cluster-watch";
import { requestTimeline } from "@/lib/timeline/request-timeline";
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from "@/tests/db/support/databases";

const olga: Actor = {
  id: "u2",
  login: "olga",
  name: "Olga",
  email: "olga@example.test",
  role: "operator",
};

describeEachDatabase("a request's timeline once the server moved on", (provider) => {
  let database: TestDatabase;
  let db: DatabaseClient;
  const cluster = startClusterWatch(undefined);

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await applyMigrations({ databaseUrl: database.url });
    db = createDatabaseClient(database.url);
  });
  afterAll(async () => {
    cluster.stop();
    await db?.$disconnect();
    await database?.drop();
  });

  // As the GitOps writer records a committed change.
  async function committed(requestId: string, action: string, target: string): Promise<void> {
    const audit = createPrismaAuditLog(db);
    await audit.start({ requestId, actor: olga, action, target });
    await audit.finish(requestId, { status: "succeeded", commitSha: requestId.padEnd(40, "0") });
    await new Promise((resolve) => setTimeout(resolve, 5));
  }

  const lastStep = async (requestId: string) =>
    (await requestTimeline(requestId, { db, cluster })).steps.at(-1);

  it("says an earlier install's steps will not happen once a reprovision took over", async () => {
    await committed("a1", "provision-server", "rack1-node3");
    expect((await lastStep("a1"))?.key).toBe("node-ready");
    await committed("a2", "edit-server", "rack1-node3");
    // An edit starts no install: the provision's steps are still its own.
    expect((await lastStep("a1"))?.key).toBe("node-ready");
    await committed("a3", "reprovision-server", "rack1-node3");
    expect(await lastStep("a1")).toMatchObject({
      key: "superseded",
      state: "superseded",
      detail: expect.stringContaining("reprovision-server by olga"),
    });
    expect((await lastStep("a3"))?.key).toBe("node-ready");
  });
});
