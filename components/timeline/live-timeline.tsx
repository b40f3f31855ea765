"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchView } from "@/components/live/fetch-view";
import type { Timeline } from "@/lib/timeline/types";
import { TimelineSteps } from "./timeline-steps";
import type { Invalidation } from "@/lib/events/live-keys";

/** A request's or a server's timeline, refetched whenever a cluster, Flux or Git event arrives. */
export function LiveTimeline({
  of,
  id,
  initial,
}: {
  of: "request" | "server";
  id: string;
  initial: Timeline;
}) {
  const url = `/api/timeline/${of === "request" ? "requests" : "servers"}/${encodeURIComponent(id)}`;
  const { data } = useQuery({
    queryKey: ["timeline", of, id] satisfies Invalidation,
    queryFn: () => fetchView<Timeline>(url),
    initialData: initial,
    initialDataUpdatedAt: Date.now(),
  });
  return <TimelineSteps steps={(data ?? initial).steps} />;
}

/** For the Servers page: drop in `<ServerTimeline name="rack1-node3" initial={await serverTimeline(name)} />`. */
export function ServerTimeline({ name, initial }: { name: string; initial: Timeline }) {
  return <LiveTimeline of="server" id={name} initial={initial} />;
}
