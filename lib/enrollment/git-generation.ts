import type { ServerGeneration } from "@/lib/enrollment/server-generation";
import { throttled } from "@/lib/enrollment/throttled";
import type { Context } from "@/lib/context";
import { gitInventory } from "@/lib/servers/list-servers";

/** A few seconds: a Workflow committed outside the console is seen soon, yet claims cannot flood the writer. */
export const gitRefreshIntervalMs = 10_000;

/*
 * Reads the server's current Workflow generation from the clone as it is. A refresh (`git fetch`,
 * run in the GitOps writer's queue) is asked for only by claims the cluster already vouches for,
 * and runs at most once per interval for all callers together.
 */
export function gitGenerationReader(
  deps: Pick<Context, "writer" | "reader">,
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
