import "server-only";
import type { DatabaseClient } from "@/lib/db";
import { fluxEventsSince } from "@/lib/events/event-views";
import { NotFoundError } from "@/lib/errors";
import type { ClusterWatch } from "@/lib/k8s/cluster-watch";
import { serverClusterView } from "@/lib/k8s/read/server-cluster-view";
import { serverIndex } from "@/lib/k8s/read/server-index";
import { bootEventsFor } from "./boot-events";
import { fluxSteps } from "./flux-steps";
import { serverSteps } from "./server-steps";
import type { Timeline, TimelineStep } from "./types";
import { aboutServer } from "@/lib/audit/about-server";

type AuditRow = {
  requestId: string;
  action: string;
  target: string;
  status: string;
  commitSha: string | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  actorLogin: string;
};

function auditSteps(row: AuditRow): TimelineStep[] {
  const committed: TimelineStep =
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
      : row.status === "pending"
        ? {
            key: "committed",
            label: "Committed",
            state: "current",
            at: row.createdAt.toISOString(),
            detail: null,
            message: null,
          }
        : {
            key: "committed",
            label: "Committed",
            state: row.status === "succeeded" ? "done" : "failed",
            at: row.finishedAt?.toISOString() ?? null,
            detail: row.status === "succeeded" ? "nothing to change" : null,
            message: row.error,
          };
  return [
    {
      key: "requested",
      label: "Requested",
      state: "done",
      at: row.createdAt.toISOString(),
      detail: `${row.action} by ${row.actorLogin}: ${row.target}`,
      message: null,
    },
    committed,
  ];
}

/** The server a request is about: its target when that names a Hardware (first word). */
function serverOf(target: string, watch: ClusterWatch): string | undefined {
  const name = target.split(/\s+/)[0] ?? "";
  return serverIndex(watch).hardware.has(name) || /server/.test(target) ? name : undefined;
}

// Changes that start a new install, or end the server: after one, the cluster's steps are its.
const newInstallActions = ["provision-server", "reprovision-server", "decommission-server"];

/** The newest change committed after `since` that took a server's install over. */
function laterServerChange(client: DatabaseClient, server: string, since: Date) {
  return client.auditEntry.findFirst({
    where: {
      ...aboutServer(server),
      action: { in: newInstallActions },
      commitSha: { not: null },
      createdAt: { gt: since },
    },
    orderBy: { createdAt: "desc" },
  });
}

/** requested → committed → fetched → applied (→ the server's steps when it is about one). */
export async function requestTimeline(
  requestId: string,
  sources: { db: DatabaseClient; cluster: ClusterWatch },
): Promise<Timeline> {
  const { db: client, cluster: watch } = sources;
  const row = await client.auditEntry.findUnique({ where: { requestId } });
  if (!row) throw new NotFoundError(`No request ${requestId}.`);
  const steps = auditSteps(row);
  const commit =
    row.commitSha && row.finishedAt ? { sha: row.commitSha, at: row.finishedAt } : null;
  const events = await fluxEventsSince(row.createdAt, client);
  const flux = fluxSteps(watch, commit, events);
  steps.push(...flux);
  const server =
    serverOf(row.target, watch) ??
    (row.action.includes("server") ? row.target.split(/\s+/)[0] : undefined);
  if (server && row.action !== "decommission-server") {
    // What the cluster shows now belongs to the server's latest request, not to an earlier one.
    const latest = await laterServerChange(client, server, row.createdAt);
    if (latest) {
      steps.push({
        key: "superseded",
        label: `${server} moved on`,
        state: "superseded",
        at: latest.createdAt.toISOString(),
        detail: `a later request (${latest.action} by ${latest.actorLogin}) took over; its timeline and the server's page say what happened next`,
        message: null,
      });
      return { subject: `${row.action} ${row.target}`, steps };
    }
    const applied = flux.at(-1)?.state === "done";
    steps.push(
      ...serverSteps(
        serverClusterView(server, watch),
        await bootEventsFor(server, client),
        applied,
      ),
    );
  }
  return { subject: `${row.action} ${row.target}`, steps };
}
