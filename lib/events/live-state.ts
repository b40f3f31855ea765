import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/settings/env";
import { cluster } from "@/lib/k8s/cluster";
import { singleton } from "@/lib/singleton";
import { serverParts } from "@/lib/runtime/servers";
import { eventBus } from "./process-bus";
import { pruneWebhookEvents } from "./webhook-events";

const pruneEveryMs = 60 * 60 * 1000;

/**
 * Starts the cluster watches, turns their (coalesced) changes into browser invalidations, and
 * prunes stored webhook events to the retention settings, now and hourly. Once per process.
 */
export function startLiveState(): void {
  singleton("live-state", () => {
    const watch = cluster();
    const bus = eventBus();
    // A commit another replica pushed is fetched before this replica's browsers hear of it.
    bus.beforeRemote(async (event) => {
      if (event.topic === "git") await serverParts().writer.readTree({ refresh: true });
    });
    watch.onChange((kinds) => {
      bus.publish({
        topic: "cluster",
        invalidate: [["cluster"], ["timeline"], ["servers"]],
        summary: `changed: ${kinds.join(", ")}`,
      });
    });
    const prune = () =>
      pruneWebhookEvents(db(), env().webhooks.retention).catch((error: unknown) => {
        console.warn(
          `events: pruning failed: ${error instanceof Error ? error.message : "unknown error"}`,
        );
      });
    void prune();
    setInterval(() => void prune(), pruneEveryMs).unref();
    return true;
  });
}
