import "server-only";
import type { ClusterWatch } from "@/lib/k8s/cluster-watch";
import { clusterConnection, type ClusterConnection } from "@/lib/k8s/connection";
import { fluxKindKeys } from "@/lib/k8s/kinds";
import { gitopsView } from "./gitops-view";
import { serverIndex } from "./server-index";

export type ClusterOverview = {
  connection: ClusterConnection;
  nodes: { ready: number; total: number };
  flux: { ready: number; failing: number; progressing: number; suspended: number; total: number };
  workflows: { running: number; failed: number; succeeded: number; pending: number; total: number };
};

/** The overview's counts, from the in-memory view. */
export function clusterOverview(watch: ClusterWatch): ClusterOverview {
  const index = serverIndex(watch);
  const nodes = [...index.nodes.values()];
  const gitops = gitopsView(watch);
  const flux = fluxKindKeys.flatMap((key) => gitops[key].objects);
  const workflows = watch.stores.workflows.all().length > 0 ? [...index.workflows.values()] : [];
  const count = <T>(items: T[], test: (item: T) => boolean) => items.filter(test).length;
  return {
    connection: clusterConnection(watch),
    nodes: { ready: count(nodes, (n) => n.ready), total: nodes.length },
    flux: {
      ready: count(flux, (o) => o.ready.tone === "ready"),
      failing: count(flux, (o) => o.ready.tone === "failed"),
      progressing: count(flux, (o) => o.ready.tone === "progressing"),
      suspended: count(flux, (o) => o.ready.tone === "suspended"),
      total: flux.length,
    },
    workflows: {
      running: count(workflows, (w) => w.state === "running"),
      failed: count(workflows, (w) => w.state === "failed" || w.state === "timeout"),
      succeeded: count(workflows, (w) => w.state === "succeeded"),
      pending: count(workflows, (w) => w.state === "pending"),
      total: workflows.length,
    },
  };
}
