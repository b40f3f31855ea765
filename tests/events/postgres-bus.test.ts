import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { pgConfigFromUrl } from "@/lib/db/pg-config";
import type { LiveEvent } from "@/lib/events/bus";
import { createPostgresEventBus, type PostgresEventBus } from "@/lib/events/postgres-bus";
import { createTestDatabase, type TestDatabase } from "@/tests/db/support/databases";

const runs = process.env.TEST_POSTGRES_URL !== undefined || process.env.CI !== undefined;

// Two buses on one real PostgreSQL database are two replicas of the console.
describe.runIf(runs)("the live bus shared by replicas on PostgreSQL", () => {
  let database: TestDatabase;
  const buses: PostgresEventBus[] = [];
  const replica = async (options: { capacity?: number } = {}) => {
    const bus = createPostgresEventBus(pgConfigFromUrl(database.url), {
      reconnectMs: 100,
      ...options,
    });
    buses.push(bus);
    await bus.ready;
    const heard: LiveEvent[] = [];
    bus.subscribe((event) => heard.push(event));
    return { bus, heard };
  };

  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
    await applyMigrations({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    await database?.drop();
  });

  it("an event published on one replica reaches the other's browsers, under the same id", async () => {
    const a = await replica();
    const b = await replica();
    b.bus.publish({ topic: "flux", invalidate: [["events"], ["cluster"]], summary: "from B" });
    await b.bus.flushed();
    a.bus.publish({ topic: "git", invalidate: [["git"]], summary: "from A" });
    await expect.poll(() => a.heard.length).toBe(2);
    await expect.poll(() => b.heard.length).toBe(2);
    expect(a.heard).toEqual(b.heard);
    expect(a.heard.map((event) => event.summary)).toEqual(["from B", "from A"]);
    expect(a.heard[0]).toMatchObject({ topic: "flux", invalidate: [["events"], ["cluster"]] });
    const [first, second] = a.heard.map((event) => Number(event.id.split("-")[1]));
    expect(second).toBe((first ?? 0) + 1);
  });

  it("prepares an event from another replica before its browsers hear it, never its own", async () => {
    const a = await replica();
    const b = await replica();
    const prepared: string[] = [];
    let release = () => {};
    a.bus.beforeRemote(async (event) => {
      prepared.push(`A ${event.summary ?? ""}`);
      await new Promise<void>((resolve) => (release = resolve));
    });
    b.bus.beforeRemote(async (event) => {
      prepared.push(`B ${event.summary ?? ""}`);
    });
    b.bus.publish({ topic: "git", invalidate: [["git"]], summary: "pushed by B" });
    await expect.poll(() => prepared).toEqual(["A pushed by B"]);
    await expect.poll(() => b.heard.length).toBe(1);
    expect(a.heard).toEqual([]);
    release();
    await expect.poll(() => a.heard.map((event) => event.summary)).toEqual(["pushed by B"]);
    expect(prepared).toEqual(["A pushed by B"]);
  });

  it("replays another replica's commit to a resuming browser only once it is fetched", async () => {
    const a = await replica();
    const b = await replica();
    b.bus.publish({ topic: "activity", invalidate: [["activity"]], summary: "before" });
    await expect.poll(() => a.heard.length).toBe(1);
    const resumeFrom = a.heard[0]?.id ?? "";
    // Heard live first: A prepares it then, and again for the replay, which waits for it.
    const fetched: string[] = [];
    let release = () => {};
    a.bus.beforeRemote(async (event) => {
      fetched.push(event.summary ?? "");
      if (fetched.length === 2) await new Promise<void>((resolve) => (release = resolve));
    });
    b.bus.publish({ topic: "git", invalidate: [["git"]], summary: "pushed by B" });
    await expect.poll(() => a.heard.length).toBe(2);
    let replayed: unknown;
    const resumed = a.bus.since(resumeFrom).then((events) => (replayed = events));
    await expect.poll(() => fetched).toEqual(["pushed by B", "pushed by B"]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(replayed).toBeUndefined();
    release();
    await resumed;
    expect(replayed).toMatchObject([{ topic: "git", summary: "pushed by B" }]);
  });

  it("a browser resumes on another replica with exactly what it missed", async () => {
    const a = await replica();
    const b = await replica();
    b.bus.publish({ topic: "git", invalidate: [["git"]], summary: "seen" });
    await expect.poll(() => b.heard.length).toBe(1);
    const lastSeen = b.heard[0]?.id ?? "";
    for (const summary of ["missed 1", "missed 2", "missed 3"]) {
      b.bus.publish({ topic: "activity", invalidate: [["activity"]], summary });
    }
    await b.bus.flushed();
    const missed = await a.bus.since(lastSeen);
    expect(missed === "resync" ? missed : missed.map((event) => event.summary)).toEqual([
      "missed 1",
      "missed 2",
      "missed 3",
    ]);
    expect(await a.bus.since(b.heard.at(-1)?.id ?? "")).toEqual([]);
  });

  it("says resync for an id of another console or one older than the kept events", async () => {
    const a = await replica({ capacity: 100 });
    expect(await a.bus.since("mq2x1-5")).toBe("resync");
    for (let index = 0; index < 250; index += 1) {
      a.bus.publish({ topic: "activity", invalidate: [["activity"]], summary: null });
    }
    await a.bus.flushed();
    expect(await a.bus.since("db-1")).toBe("resync");
    expect(await a.bus.since("db-999999")).toBe("resync");
  });

  it("hears again after its listening connection is cut, with what was sent meanwhile", async () => {
    const a = await replica();
    const b = await replica();
    const admin = new pg.Client(pgConfigFromUrl(database.url));
    await admin.connect();
    try {
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'foundry-live-listen'",
      );
    } finally {
      await admin.end();
    }
    b.bus.publish({ topic: "git", invalidate: [["git"]], summary: "while cut" });
    await expect
      .poll(() => a.heard.map((event) => event.summary), { timeout: 10_000 })
      .toContain("while cut");
    b.bus.publish({ topic: "git", invalidate: [["git"]], summary: "after" });
    await expect
      .poll(() => a.heard.map((event) => event.summary), { timeout: 10_000 })
      .toEqual(["while cut", "after"]);
  });

  const cutListeners = (admin: pg.Client) =>
    admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'foundry-live-listen'",
    );

  it("misses nothing sent while its listening connection was cut, however busy the others are", async () => {
    const a = await replica();
    const b = await replica();
    const admin = new pg.Client(pgConfigFromUrl(database.url));
    await admin.connect();
    const sending = setInterval(
      () => b.bus.publish({ topic: "activity", invalidate: [["activity"]], summary: null }),
      2,
    );
    try {
      for (let cut = 0; cut < 6; cut += 1) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        await cutListeners(admin);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      clearInterval(sending);
    }
    await b.bus.flushed();
    const sent = (await admin.query(`SELECT "id" FROM "LiveEvent" ORDER BY "id"`)).rows.map(
      (row: { id: number }) => row.id,
    );
    await admin.end();
    const first = Number(a.heard[0]?.id.split("-")[1]);
    const expected = sent.filter((id) => id >= first);
    expect(expected.length).toBeGreaterThan(100);
    await expect
      .poll(() => a.heard.map((event) => Number(event.id.split("-")[1])), { timeout: 10_000 })
      .toEqual(expected);
  }, 30_000);

  it("keeps one listening connection however often it is cut, and none once closed", async () => {
    const bus = createPostgresEventBus(pgConfigFromUrl(database.url), { reconnectMs: 5 });
    await bus.ready;
    const admin = new pg.Client(pgConfigFromUrl(database.url));
    await admin.connect();
    const listeners = async () =>
      Number(
        (
          await admin.query(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'foundry-live-listen'",
          )
        ).rows[0]?.n,
      );
    // Only this bus listens: the others of this file are closed first.
    await Promise.all(buses.splice(0).map((other) => other.close()));
    try {
      for (let cut = 0; cut < 100; cut += 1) {
        await cutListeners(admin);
        await new Promise((resolve) => setTimeout(resolve, 1 + (cut % 7)));
      }
      await expect.poll(listeners, { timeout: 5_000 }).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await listeners()).toBe(1);
      await bus.close();
      await expect.poll(listeners, { timeout: 5_000 }).toBe(0);
    } finally {
      await admin.end();
    }
  }, 30_000);
});
