import type { Pool, PoolConfig } from "pg";
import { sessionKeepalives } from "@/lib/db/kept-connection";
import type { KeyedQueue } from "./keyed-queue";

// The first key of every write lock; the second is the hash of the remote and branch.
const writeLockSpace = 0x6d66_6777;

function reason(error: unknown): string {
  return error instanceof Error ? error.message : "unknown error";
}

/**
 * Replicas on one PostgreSQL database take turns on a remote and branch as one process's writes
 * do: a session advisory lock around each turn. Without it two replicas writing steadily push in
 * lockstep and one can lose every race. Git still decides what landed: if the lock cannot be
 * taken, or its connection drops mid-turn, the turn goes on and a lost race is retried as ever.
 * Nor is a turn waited for longer than `turnWaitMs`: a replica whose node died holds its turn
 * until the server notices, and the others must not stop writing meanwhile.
 */
export function replicaQueue(
  config: PoolConfig,
  local: KeyedQueue,
  { turnWaitMs = 30_000 }: { turnWaitMs?: number } = {},
): KeyedQueue {
  let pool: Pool | undefined;
  const poolOf = async (): Promise<Pool> => {
    if (pool === undefined) {
      const { default: pg } = await import("pg");
      pool = new pg.Pool({
        ...config,
        max: 2,
        keepAlive: true,
        application_name: "foundry-git-writes",
      });
      pool.on("error", () => undefined);
      // Queued before any query of the new connection, so every turn is taken under them.
      pool.on("connect", (client) => {
        for (const statement of [
          ...sessionKeepalives,
          `SET lock_timeout = ${Math.max(1, Math.round(turnWaitMs))}`,
        ])
          void client.query(statement).catch(() => undefined);
      });
    }
    return pool;
  };
  return {
    run: (key, task) =>
      local.run(key, async () => {
        const client = await (await poolOf()).connect().catch((error: unknown) => {
          console.warn(`gitops: writing without the replicas' turn: ${reason(error)}`);
          return undefined;
        });
        if (client === undefined) return task();
        try {
          await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [writeLockSpace, key]);
        } catch (error) {
          console.warn(`gitops: writing without the replicas' turn: ${reason(error)}`);
          client.release(true);
          return task();
        }
        try {
          return await task();
        } finally {
          await client
            .query("SELECT pg_advisory_unlock($1, hashtext($2))", [writeLockSpace, key])
            .then(
              () => client.release(),
              () => client.release(true),
            );
        }
      }),
  };
}
