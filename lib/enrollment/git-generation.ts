import type { ServerGeneration } from "@/lib/enrollment/deps";
import { throttled } from "@/lib/enrollment/throttled";
import type { ServerDeps } from "@/lib/servers/deps";
import { gitInventory } from "@/lib/servers/list-servers";

/** A few seconds: a Workflow committed outside the console is seen soon, yet claims cannot flood the writer. */
export const gitRefreshIntervalMs = 10_000;

/*
 * Reads the server's current Workflow generation from the clone as it is. A refresh (`git fetch`,
 * run in the GitOps writer's queue) is asked for only by claims the cluster already vouches for,
 * and runs at most once per interval for all callers together.
 */
export function gitGenerationReader(
  deps: ServerDeps,
  options: { minIntervalMs?: number; now?: () => number } = {},
): (server: string, options: { refresh: boolean }) => Promise<ServerGeneration> {
  const fetchRemote = throttled(
    async () => {
      await deps.writer.readTree({ refresh: true });
    },
    { minIntervalMs: options.minIntervalMs ?? gitRefreshIntervalMs, now: options.now },
  );
  return async (server, { refresh }) => {
    // A failed fetch leaves the clone as it was; the claim is decided on that.
    if (refresh) await fetchRemote().catch(() => undefined);
    const { inventory } = await gitInventory(deps);
    if (!inventory.servers.has(server)) return { kind: "unknown" };
    const latest = inventory.workflows.get(server)?.at(-1);
    return latest ? { kind: "provisioned", generation: latest.generation } : { kind: "registered" };
  };
}
