import { randomBytes } from "node:crypto";
import type { Notification, Pool, PoolConfig } from "pg";
import { keptConnection } from "@/lib/db/kept-connection";
import { z } from "zod";
import { liveKeys } from "./live-keys";
import { parseEventId, type EventBus, type LiveEvent, type LiveEventInput } from "./bus";

const channel = "foundry_live";
/** Every replica's ids share one epoch: the database's own sequence numbers them. */
const epoch = "db";
// A NOTIFY payload must stay under 8,000 bytes; summaries are one line for people.
const maxSummary = 500;
// A remote event's preparation may wait on a Git fetch; past this the event goes out anyway.
const prepareBudgetMs = 10_000;
// Publishers take this lock until they commit, so ids commit in the order they were given and
// a browser resuming after id n can never miss an n - 1 that committed later.
const publishLock = 0x6d66_6c76;

const invalidationSchema = z.tuple([z.enum(liveKeys)], z.string());
const liveEventSchema = z.object({
  id: z.string(),
  topic: z.enum(["cluster", "flux", "git", "activity", "resync"]),
  invalidate: z.array(invalidationSchema),
  summary: z.string().nullable(),
  at: z.string(),
});
const payloadSchema = z.object({ origin: z.string(), event: liveEventSchema });
const rowSchema = z.object({
  id: z.number().int(),
  topic: liveEventSchema.shape.topic,
  invalidate: z.string(),
  summary: z.string().nullable(),
  at: z.date(),
});

function fromRow(row: unknown): LiveEvent {
  const parsed = rowSchema.parse(row);
  return {
    id: `${epoch}-${parsed.id}`,
    topic: parsed.topic,
    invalidate: z.array(invalidationSchema).parse(JSON.parse(parsed.invalidate)),
    summary: parsed.summary,
    at: parsed.at.toISOString(),
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : "unknown error";
}

export type PostgresEventBus = EventBus & {
  /** Resolves once this replica listens: from then on it hears every replica's events. */
  ready: Promise<void>;
  /** Resolves when every publish so far has been written (or has failed and been logged). */
  flushed(): Promise<void>;
  close(): Promise<void>;
};

/**
 * The live bus shared by every replica on one PostgreSQL database: an event is a row in
 * "LiveEvent" (its id is the event id, the same on every replica) and a NOTIFY carrying it, which
 * every replica's listening connection hears and fans out to its own browsers. A browser that
 * reconnects to any replica resumes from the table. The newest `capacity` rows are kept.
 */
export function createPostgresEventBus(
  config: PoolConfig,
  options: { capacity?: number; reconnectMs?: number } = {},
): PostgresEventBus {
  const capacity = options.capacity ?? 1_000;
  const reconnectMs = options.reconnectMs ?? 1_000;
  const listeners = new Set<(event: LiveEvent) => void>();
  let pool: Pool | undefined;
  let lastHeard = 0;
  let pending: Promise<void> = Promise.resolve();
  let delivering: Promise<void> = Promise.resolve();
  let prepare: ((event: LiveEvent) => Promise<void>) | undefined;
  const origin = randomBytes(9).toString("base64url");

  const poolOf = async (): Promise<Pool> => {
    if (pool === undefined) {
      const { default: pg } = await import("pg");
      pool = new pg.Pool({ ...config, max: 3, application_name: "foundry-live" });
      pool.on("error", (error) => console.warn(`events: database connection: ${reason(error)}`));
    }
    return pool;
  };

  const fanOut = (event: LiveEvent) => {
    const seq = parseEventId(event.id)?.seq ?? 0;
    if (seq <= lastHeard) return;
    lastHeard = seq;
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error("events: a subscriber failed", error);
      }
    }
  };

  const rowsAfter = async (seq: number, limit: number): Promise<LiveEvent[]> => {
    const result = await (
      await poolOf()
    ).query(
      `SELECT "id", "topic", "invalidate", "summary", "at" FROM "LiveEvent" WHERE "id" > $1 ORDER BY "id" LIMIT $2`,
      [seq, limit],
    );
    return result.rows.map(fromRow);
  };

  const prepared = async (event: LiveEvent): Promise<void> => {
    if (prepare === undefined) return;
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        console.warn(`events: preparing ${event.id} took over ${prepareBudgetMs} ms; sent anyway`);
        resolve();
      }, prepareBudgetMs);
    });
    await Promise.race([prepare(event), budget])
      .catch((error: unknown) => console.warn(`events: preparing ${event.id}: ${reason(error)}`))
      .finally(() => clearTimeout(timer));
  };

  // In order, one at a time: a browser must never get event n + 1 before event n.
  const deliver = (event: LiveEvent, remote: boolean) => {
    delivering = delivering.then(async () => {
      if (remote) await prepared(event);
      fanOut(event);
    });
  };

  const onNotification = (message: Notification) => {
    if (message.channel !== channel || message.payload === undefined) return;
    const parsed = payloadSchema.safeParse(JSON.parse(message.payload));
    if (parsed.success) deliver(parsed.data.event, parsed.data.origin !== origin);
    else console.warn("events: a live notification of an unknown shape was ignored");
  };

  // Its own connection, outside the pool, named so an operator can tell it in pg_stat_activity.
  // Each new one first catches up from the table on what was sent while none listened, holding
  // back what it hears meanwhile: heard first, that would move `lastHeard` past the backlog.
  const listening = keptConnection(
    { ...config, application_name: "foundry-live-listen" },
    {
      label: "events: the listening connection",
      reconnectMs,
      async setUp(client, first) {
        let held: Notification[] | undefined = [];
        client.on("notification", (message) => {
          if (held === undefined) onNotification(message);
          else held.push(message);
        });
        await client.query(`LISTEN ${channel}`);
        if (first) {
          const newest = await client.query(
            `SELECT COALESCE(MAX("id"), 0) AS "id" FROM "LiveEvent"`,
          );
          const seq = z.coerce.number().parse(newest.rows[0]?.id ?? 0);
          if (lastHeard === 0) lastHeard = seq;
        } else {
          // Whoever published them, this replica may have missed their side effects too.
          for (const event of await rowsAfter(lastHeard, capacity)) deliver(event, true);
        }
        const heard = held;
        held = undefined;
        for (const message of heard) onNotification(message);
      },
    },
  );

  const ready = listening.ready.catch((error: unknown) => {
    console.warn(`events: cannot listen for live updates yet: ${reason(error)}`);
  });

  const write = async (input: LiveEventInput): Promise<void> => {
    const client = await (await poolOf()).connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [publishLock]);
      const inserted = await client.query(
        `INSERT INTO "LiveEvent" ("topic", "invalidate", "summary") VALUES ($1, $2, $3) RETURNING "id", "topic", "invalidate", "summary", "at"`,
        [
          input.topic,
          JSON.stringify(input.invalidate),
          input.summary?.slice(0, maxSummary) ?? null,
        ],
      );
      const event = fromRow(inserted.rows[0]);
      await client.query("SELECT pg_notify($1, $2)", [channel, JSON.stringify({ origin, event })]);
      const seq = parseEventId(event.id)?.seq ?? 0;
      if (seq % 100 === 0) {
        await client.query(`DELETE FROM "LiveEvent" WHERE "id" <= $1`, [seq - capacity]);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  return {
    ready,
    publish(input) {
      pending = pending
        .then(() => write(input))
        .catch((error: unknown) => {
          console.warn(`events: a live update was not sent: ${reason(error)}`);
        });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    beforeRemote(handler) {
      prepare = handler;
    },
    async since(lastId) {
      const parsed = parseEventId(lastId);
      if (parsed?.epoch !== epoch) return "resync";
      const bounds = await (
        await poolOf()
      ).query(`SELECT MIN("id") AS "oldest", MAX("id") AS "newest" FROM "LiveEvent"`);
      const oldest = z.coerce.number().parse(bounds.rows[0]?.oldest ?? 0);
      const newest = z.coerce.number().parse(bounds.rows[0]?.newest ?? 0);
      if (parsed.seq > newest || parsed.seq < oldest - 1) return "resync";
      const missed = await rowsAfter(parsed.seq, capacity + 1);
      if (missed.length > capacity) return "resync";
      // Replayed, another replica's commit is as new to this one as it is live: fetched first,
      // or the browser would reload what this replica has not seen yet. Once is enough.
      const lastGit = missed.findLast((event) => event.topic === "git");
      if (lastGit !== undefined) await prepared(lastGit);
      return missed;
    },
    flushed: () => pending,
    async close() {
      await pending;
      await listening.close();
      await pool?.end();
    },
  };
}
