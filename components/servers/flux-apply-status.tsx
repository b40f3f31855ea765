"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchView } from "@/components/live/fetch-view";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Timeline } from "@/lib/timeline/types";
import type { Invalidation } from "@/lib/events/live-keys";

/**
 * What Flux has done with a commit the form just made, kept live: the request's timeline is
 * refetched on every Flux and cluster event (the same query the Activity page's timeline uses).
 */
export function FluxApplyStatus({ requestId }: { requestId: string }) {
  const { data } = useQuery({
    queryKey: ["timeline", "request", requestId] satisfies Invalidation,
    queryFn: () => fetchView<Timeline>(`/api/timeline/requests/${encodeURIComponent(requestId)}`),
  });
  const applied = data?.steps.find((step) => step.key === "applied");
  if (applied?.state === "done" && applied.at) {
    return (
      <span data-testid="flux-apply-status">
        Flux applied it <RelativeTime date={new Date(applied.at)} />.
      </span>
    );
  }
  if (applied?.state === "failed") {
    return (
      <span data-testid="flux-apply-status">
        Flux could not apply it{applied.message ? `: ${applied.message}` : ""}.
      </span>
    );
  }
  return <span data-testid="flux-apply-status">Flux applies it on its next reconcile.</span>;
}
