import "server-only";
import type { ClusterWatch } from "@/lib/k8s/cluster-watch";
import { nodeNamesOf, type HardwareView } from "@/lib/k8s/views/reshape-hardware";
import type { WorkflowView } from "@/lib/k8s/views/reshape-workflow";
import type { BmcView } from "@/lib/k8s/views/reshape-bmc";
import { kindPanel, type KindPanelState } from "./kind-panel";
import { serverIndex } from "./server-index";

/** What the cluster says about one server (by its Hardware name): the cluster side of Servers. */
export type ServerClusterView = {
  name: string;
  hardware: HardwareView | null;
  workflow: WorkflowView | null;
  node: {
    name: string;
    ready: boolean;
    readySince: string | null;
    kubeletVersion: string | null;
  } | null;
  /** Rufio's view of the server's BMC; null when it has no Machine and no Job. */
  bmc?: BmcView | null;
};

export type ServerClusterPanels = {
  hardware: KindPanelState;
  workflows: KindPanelState;
  nodes: KindPanelState;
};

function viewOf(name: string, watch: ClusterWatch): ServerClusterView {
  const index = serverIndex(watch);
  const hardware = index.hardware.get(name) ?? null;
  const candidates = hardware ? nodeNamesOf(hardware) : [name];
  const node = candidates
    .map((candidate) => index.nodes.get(candidate))
    .find((found) => found !== undefined);
  return {
    name,
    hardware,
    workflow: index.workflows.get(name) ?? null,
    bmc: index.bmc.get(name) ?? null,
    node: node
      ? {
          name: node.name,
          ready: node.ready,
          readySince: node.readySince,
          kubeletVersion: node.kubeletVersion,
        }
      : null,
  };
}

/** One server's Hardware, newest Workflow (with per-action progress) and Node. */
export function serverClusterView(name: string, watch: ClusterWatch): ServerClusterView {
  return viewOf(name, watch);
}

/** Every server the cluster knows (by Hardware), plus any names asked for that it does not. */
export function serverClusterViews(
  names: readonly string[],
  watch: ClusterWatch,
): Map<string, ServerClusterView> {
  const index = serverIndex(watch);
  const all = new Set([...index.hardware.keys(), ...names]);
  return new Map([...all].map((name) => [name, viewOf(name, watch)]));
}

/** Whether Hardware, Workflows and Nodes can be read at all (CRD missing, cluster away). */
export function serverClusterPanels(watch: ClusterWatch): ServerClusterPanels {
  return {
    hardware: kindPanel(watch, "hardware"),
    workflows: kindPanel(watch, "workflows"),
    nodes: kindPanel(watch, "nodes"),
  };
}
