import "server-only";
import type { ClusterWatch } from "@/lib/k8s/cluster-watch";
import { anyStore } from "@/lib/k8s/cluster-stores";
import { kindKeys } from "@/lib/k8s/kinds";

export type ClusterConnection = {
  state: "not-configured" | "connecting" | "connected" | "unreachable" | "forbidden";
  label: string;
  detail: string;
  sandbox: boolean;
  /** When the console last had a live view of the cluster (the age of what pages show). */
  lastSyncedAt: string | null;
  /** Since when the cluster has been unreachable. */
  since: string | null;
};

/** The cluster's connection state as the header and the banner show it, from the watches. */
export function clusterConnection(watch: ClusterWatch): ClusterConnection {
  const target = watch.target;
  if (target === undefined) {
    return {
      state: "not-configured",
      label: "No cluster connected",
      detail:
        "Set KUBECONFIG, run the console in the cluster, or start it with FOUNDRY_SANDBOX=auto for the sandbox cluster.",
      sandbox: false,
      lastSyncedAt: null,
      since: null,
    };
  }
  const stores = kindKeys.map((key) => anyStore(watch.stores, key));
  const synced = stores.flatMap((store) => (store.syncedAt ? [store.syncedAt.getTime()] : []));
  const lastSyncedAt = synced.length > 0 ? new Date(Math.max(...synced)).toISOString() : null;
  const phases = stores.map((store) => store.phase);
  const base = { sandbox: target.sandbox, lastSyncedAt, since: null };
  const down = phases.find((phase) => phase.phase === "unreachable");
  if (down && down.phase === "unreachable") {
    return {
      ...base,
      state: "unreachable",
      label: `${capitalise(target.label)} unreachable`,
      detail: `${target.server}: ${down.reason}`,
      since: down.since.toISOString(),
    };
  }
  const refused = phases.find((phase) => phase.phase === "forbidden");
  if (refused && refused.phase === "forbidden") {
    return { ...base, state: "forbidden", label: "Cluster access refused", detail: refused.reason };
  }
  if (phases.some((phase) => phase.phase === "starting")) {
    return {
      ...base,
      state: "connecting",
      label: `Connecting to ${target.label}…`,
      detail: target.server,
    };
  }
  return {
    ...base,
    state: "connected",
    label: `${capitalise(target.label)} connected`,
    detail: target.sandbox
      ? `A local stand-in for a cluster at ${target.server}: it plays Flux and Tinkerbell.`
      : target.server,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
