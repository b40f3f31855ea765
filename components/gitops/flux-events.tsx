"use client";

import { LiveTime } from "@/components/live/live-time";
import { useLiveView } from "@/components/live/use-live-view";
import { StatusBadge } from "@/components/ui/status-badge";
import type { WebhookEventView } from "@/lib/events/event-views";

/** The latest signed Flux events, newest first, pushed in as they arrive. */
export function FluxEvents({ initial }: { initial: WebhookEventView[] }) {
  const { data } = useLiveView("flux-events", initial);
  if (data.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No Flux events received yet. They arrive through the Provider and Alert in
        manifests/clusters/foundry.
      </p>
    );
  }
  return (
    <ul
      className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800"
      data-testid="flux-events"
    >
      {data.map((event) => (
        <li key={event.id} className="flex flex-wrap items-baseline gap-x-3 px-3 py-2">
          <StatusBadge
            status={event.severity === "error" ? "failed" : "ready"}
            label={event.type}
          />
          <span className="font-mono text-xs">
            {event.object
              ? `${event.object.kind}/${event.object.namespace}/${event.object.name}`
              : ""}
          </span>
          <span className="min-w-0 flex-1 truncate" title={event.message}>
            {event.message}
          </span>
          <span className="text-xs text-zinc-500">
            <LiveTime at={event.occurredAt} />
          </span>
        </li>
      ))}
    </ul>
  );
}
