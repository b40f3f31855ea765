"use client";

import { LiveTime } from "@/components/live/live-time";
import { useLiveView } from "@/components/live/use-live-view";
import type { WebhookEventView } from "@/lib/events/event-views";

export function RecentEvents({ initial }: { initial: WebhookEventView[] }) {
  const { data } = useLiveView("recent-events", initial);
  if (data.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No events received yet.</p>;
  return (
    <ul className="space-y-1 text-sm">
      {data.map((event) => (
        <li key={event.id} className="flex gap-3">
          <span className="w-20 shrink-0 text-xs text-zinc-500">
            <LiveTime at={event.receivedAt} />
          </span>
          <span className="shrink-0 font-mono text-xs">
            {event.source === "github" ? "GitHub" : (event.object?.kind ?? "Flux")}
          </span>
          <span className="min-w-0 truncate" title={event.message}>
            {event.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
