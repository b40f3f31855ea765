import "server-only";
import type { ClusterWatch } from "@/lib/k8s/cluster-watch";
import type { NodeView } from "@/lib/k8s/views/reshape-node";
import { kindPanel, type KindPanelState } from "./kind-panel";
import { serverIndex } from "./server-index";

export type NodesView = { panel: KindPanelState; nodes: NodeView[] };

/** The Nodes page: every node, sorted by name, with the server it came from. */
export function nodesView(watch: ClusterWatch): NodesView {
  const nodes = [...serverIndex(watch).nodes.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { panel: kindPanel(watch, "nodes"), nodes };
}
