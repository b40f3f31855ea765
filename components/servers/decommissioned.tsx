import Link from "next/link";
import { ServerTimeline } from "@/components/timeline/live-timeline";
import { PageHeader } from "@/components/ui/page-header";
import type { Decommission } from "@/lib/servers/last-decommission";
import type { Timeline } from "@/lib/timeline/types";

/** A server that left Git: who took it out, in which commit, and what is left to do by hand. */
export function Decommissioned({
  name,
  decommission,
  timeline,
}: {
  name: string;
  decommission: Decommission;
  timeline: Timeline;
}) {
  return (
    <>
      <PageHeader title={name}>Decommissioned</PageHeader>
      <p className="max-w-3xl text-sm">
        Decommissioned by {decommission.actorLogin} in commit{" "}
        <code className="font-mono" data-testid="commit-sha">
          {decommission.commitSha.slice(0, 12)}
        </code>
        . Flux removes its Hardware and Workflow from the cluster on its next reconcile. A
        Kubernetes node the server joined as stays until you remove it:{" "}
        <code>kubectl drain NODE --ignore-daemonsets --delete-emptydir-data</code>, then{" "}
        <code>kubectl delete node NODE</code>.
      </p>
      <p className="mt-2 text-sm">
        <Link className="underline" href="/servers">
          Back to Servers
        </Link>
      </p>
      <section aria-label="Timeline" className="mt-8">
        <h2 className="mb-2 text-base font-semibold">Timeline</h2>
        <ServerTimeline name={name} initial={timeline} />
      </section>
    </>
  );
}
