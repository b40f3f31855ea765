import type { Client, PoolConfig } from "pg";
import { z } from "zod";
import { newOwnerId, type WriteOwner } from "@/lib/audit/write-owner";

// The first key of every owner's advisory lock; the second is the hash of its id.
const ownerLockSpace = 0x6d66_6f77;
const lockedSchema = z.object({ locked: z.boolean() });

function reason(error: unknown): string {
  return error instanceof Error ? error.message : "unknown error";
}

/**
 * A replica's life as PostgreSQL sees it: a session advisory lock under its owner id, held on a
 * connection of its own while the process lives. When the process dies, even by SIGKILL, the
 * server closes the session and the lock is free; another replica that can take it knows the
 * owner is gone (and lets it go again at once).
 */
export function postgresWriteOwner(
  config: PoolConfig,
  options: { reconnectMs?: number; graceMs?: number; now?: () => number } = {},
): WriteOwner & { held: Promise<void> } {
  const id = newOwnerId();
  const reconnectMs = options.reconnectMs ?? 1_000;
  // An owner whose lock connection dropped takes its lock again within about `reconnectMs`: it
  // counts as gone only when its lock is still free after this long.
  const graceMs = options.graceMs ?? 10_000;
  const now = options.now ?? Date.now;
  const firstSeenFree = new Map<string, number>();
  let client: Client | undefined;
  let closed = false;

  const hold = async (): Promise<void> => {
    const { default: pg } = await import("pg");
    const next = new pg.Client({ ...config, application_name: "foundry-write-owner" });
    next.on("error", (error) => {
      console.warn(`audit: the owner lock's connection failed: ${reason(error)}`);
      if (client === next) client = undefined;
      void next.end().catch(() => undefined);
      if (!closed) setTimeout(() => void holdAgain(), reconnectMs).unref();
    });
    await next.connect();
    await next.query("SELECT pg_advisory_lock($1, hashtext($2))", [ownerLockSpace, id]);
    client = next;
  };
  const holdAgain = async (): Promise<void> => {
    try {
      await hold();
    } catch (error) {
      console.warn(`audit: taking the owner lock again failed: ${reason(error)}`);
      if (!closed) setTimeout(() => void holdAgain(), reconnectMs).unref();
    }
  };

  return {
    id,
    held: hold(),
    async alive(ownerId) {
      if (ownerId === id) return true;
      // Without its own lock this replica cannot ask: better leave a row pending than settle it twice.
      if (client === undefined) return true;
      try {
        const tried = await client.query(
          "SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked",
          [ownerLockSpace, ownerId],
        );
        const { locked } = lockedSchema.parse(tried.rows[0]);
        if (!locked) {
          firstSeenFree.delete(ownerId);
          return true;
        }
        await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [
          ownerLockSpace,
          ownerId,
        ]);
        const since = firstSeenFree.get(ownerId) ?? now();
        firstSeenFree.set(ownerId, since);
        return now() - since < graceMs;
      } catch (error) {
        console.warn(`audit: asking whether ${ownerId} is alive failed: ${reason(error)}`);
        return true;
      }
    },
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}
