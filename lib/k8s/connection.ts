import "server-only";

export type ClusterConnection = { state: "not-configured"; label: string; detail: string };

/** The cluster's connection state as the header shows it. Watches are not wired in yet. */
export function clusterConnection(): ClusterConnection {
  return {
    state: "not-configured",
    label: "No cluster connected",
    detail:
      "The console does not watch a cluster yet: nodes, Tinkerbell and Flux state will appear once cluster watches are configured.",
  };
}
