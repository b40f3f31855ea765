import type { PoolConfig } from "pg";
import { z } from "zod";
import { newOwnerId, type WriteOwner } from "@/lib/audit/write-owner";
import { keptConnection } from "@/lib/db/kept-connection";

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
  // When each other owner was first and last seen with its lock free, in one outage of its lock.
  const seenFree = new Map<string, { first: number; last: number }>();
  const owner = keptConnection(
    { ...config, application_name: "foundry-write-owner" },
    {
      label: "audit: the owner lock",
      reconnectMs,
      async setUp(client) {
        await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [ownerLockSpace, id]);
      },
    },
  );

  return {
    id,
    held: owner.ready,
    async alive(ownerId) {
      if (ownerId === id) return true;
      // Without its own lock this replica cannot ask: better leave a row pending than settle it twice.
      const client = owner.current();
      if (client === undefined) return true;
      try {
        const tried = await client.query(
          "SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked",
          [ownerLockSpace, ownerId],
        );
        const { locked } = lockedSchema.parse(tried.rows[0]);
        if (!locked) {
          seenFree.delete(ownerId);
          return true;
        }
        await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [
          ownerLockSpace,
          ownerId,
        ]);
        // Seen free again long after it was last: a new outage, whose grace starts now.
        const at = now();
        const seen = seenFree.get(ownerId);
        const first = seen !== undefined && at - seen.last <= 3 * graceMs ? seen.first : at;
        seenFree.set(ownerId, { first, last: at });
        for (const [other, { last }] of seenFree) {
          if (at - last > 3 * graceMs) seenFree.delete(other);
        }
        return at - first < graceMs;
      } catch (error) {
        console.warn(`audit: asking whether ${ownerId} is alive failed: ${reason(error)}`);
        return true;
      }
    },
    async close() {
      await owner.close();
    },
  };
}
