import "server-only";
import { recentWebhookEvents } from "@/lib/events/event-views";
import { webhookHealth } from "@/lib/events/webhook-health";
import { clusterConnection } from "@/lib/k8s/connection";
import { gitopsView } from "@/lib/k8s/read/gitops-view";
import { nodesView } from "@/lib/k8s/read/nodes-view";
import { clusterOverview } from "@/lib/k8s/read/overview-view";
import { provisioningDurations } from "@/lib/timeline/provisioning-durations";
import { sharedParts } from "@/lib/runtime/shared";

/**
 * The views pages render and browsers refetch when an event invalidates them, by name. Each
 * reads the in-memory cluster view or a small database query; none lists the cluster.
 */
export const liveViews = {
  connection: async () => clusterConnection(sharedParts().cluster),
  overview: async () => ({
    ...clusterOverview(sharedParts().cluster),
    webhooks: await webhookHealth(sharedParts().db),
  }),
  nodes: async () => nodesView(sharedParts().cluster),
  gitops: async () => gitopsView(sharedParts().cluster),
  "flux-events": async () => recentWebhookEvents({ source: "flux", limit: 25 }, sharedParts().db),
  "recent-events": async () => recentWebhookEvents({ limit: 10 }, sharedParts().db),
  durations: async () => provisioningDurations(sharedParts().cluster),
};

export type LiveViewName = keyof typeof liveViews;
export type LiveView<N extends LiveViewName> = Awaited<ReturnType<(typeof liveViews)[N]>>;

export function isLiveViewName(name: string): name is LiveViewName {
  return Object.hasOwn(liveViews, name);
}
