"use client";

import { useQuery } from "@tanstack/react-query";
import type { LiveKey } from "@/lib/events/live-keys";
import type { LiveView, LiveViewName } from "@/lib/live-views";
import { fetchView } from "./fetch-view";

/** Query keys: live events invalidate by their first segment (see lib/events/live-state.ts). */
const keyGroup: Record<LiveViewName, LiveKey> = {
  connection: "cluster",
  overview: "cluster",
  nodes: "cluster",
  gitops: "cluster",
  durations: "cluster",
  "flux-events": "events",
  "recent-events": "events",
};

/** A server-rendered view kept fresh in the browser: refetched when an event invalidates it. */
export function useLiveView<N extends LiveViewName>(
  name: N,
  initial: LiveView<N>,
): { data: LiveView<N>; isFetching: boolean } {
  const query = useQuery({
    queryKey: [keyGroup[name], name],
    queryFn: () => fetchView<LiveView<N>>(`/api/live/${name}`),
    initialData: initial,
    initialDataUpdatedAt: Date.now(),
  });
  return { data: query.data ?? initial, isFetching: query.isFetching };
}
