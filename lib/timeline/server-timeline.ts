import "server-only";
import type { DatabaseClient } from "@/lib/db";
import { fluxEventsSince } from "@/lib/events/event-views";
import type { ClusterWatch } from "@/lib/k8s/cluster-watch";
import { serverClusterView } from "@/lib/k8s/read/server-cluster-view";
import { serverReportedActions } from "@/lib/audit/server-reported-actions";
import { bootEventsFor } from "./boot-events";
import { fluxSteps } from "./flux-steps";
import { serverSteps } from "./server-steps";
import type { Timeline, TimelineStep } from "./types";
import { aboutServer } from "@/lib/audit/about-server";

const installActions = new Set(["provision-server", "reprovision-server"]);

/**
 * One server's timeline: its latest request through the console (matched by the audit target's
 * first word), then Flux, then Tinkerbell and the node. Without a request (e.g. Hardware
 * committed outside the console) it starts at "Hardware present".
 */
export async function serverTimeline(
  name: string,
  sources: { db: DatabaseClient; cluster: ClusterWatch },
): Promise<Timeline> {
  const { db: client, cluster: watch } = sources;
  const row = await client.auditEntry.findFirst({
    // A person's request, not what the server itself reported (boots, enrollment).
    where: {
      ...aboutServer(name),
      action: { notIn: [...serverReportedActions] },
    },
    orderBy: { createdAt: "desc" },
  });
  const steps: TimelineStep[] = [];
  let previousDone = true;
  if (row) {
    steps.push({
      key: "requested",
      label: "Requested",
      state: "done",
      at: row.createdAt.toISOString(),
      detail: `${row.action} by ${row.actorLogin}`,
      message: null,
    });
    steps.push(
      row.commitSha && row.finishedAt
        ? {
            key: "committed",
            label: "Committed",
            state: "done",
            at: row.finishedAt.toISOString(),
            detail: null,
            message: null,
            sha: row.commitSha,
          }
        : {
            key: "committed",
            label: "Committed",
            state: row.status === "pending" ? "current" : "failed",
            at: row.createdAt.toISOString(),
            detail: null,
            message: row.error,
          },
    );
    const commit =
      row.commitSha && row.finishedAt ? { sha: row.commitSha, at: row.finishedAt } : null;
    const flux = fluxSteps(watch, commit, await fluxEventsSince(row.createdAt, client));
    steps.push(...flux);
    previousDone = flux.at(-1)?.state === "done";
  }
  const installRequestedAt =
    row && installActions.has(row.action) && row.commitSha ? row.createdAt : undefined;
  steps.push(
    ...serverSteps(
      serverClusterView(name, watch),
      await bootEventsFor(name, client),
      previousDone,
      installRequestedAt,
    ),
  );
  return { subject: name, steps };
}
