import type { ClusterWatch } from "@/lib/k8s/cluster-watch";
import { nodeNamesOf, reshapeHardware, type HardwareView } from "@/lib/k8s/views/reshape-hardware";
import { reshapeNode, type NodeView } from "@/lib/k8s/views/reshape-node";
import { reshapeWorkflow, type WorkflowView } from "@/lib/k8s/views/reshape-workflow";
import { memoByVersion } from "./kind-panel";

export type ServerIndex = {
  hardware: Map<string, HardwareView>;
  /** The newest Workflow per Hardware name. */
  workflows: Map<string, WorkflowView>;
  nodes: Map<string, NodeView>;
  /** Node name → Hardware name, for "provisioned from". */
  serverOfNode: Map<string, string>;
};

/** Hardware, Workflows and Nodes joined by server (Hardware) name, rebuilt only on change. */
export const serverIndex = memoByVersion(
  ["hardware", "workflows", "nodes"],
  (watch: ClusterWatch): ServerIndex => {
    const hardware = new Map<string, HardwareView>();
    for (const object of watch.stores.hardware.all()) {
      const view = reshapeHardware(object);
      hardware.set(view.name, view);
    }
    const workflows = new Map<string, WorkflowView>();
    for (const object of watch.stores.workflows.all()) {
      const view = reshapeWorkflow(object);
      if (!view.hardware) continue;
      const known = workflows.get(view.hardware);
      if (!known || (view.createdAt ?? "") > (known.createdAt ?? ""))
        workflows.set(view.hardware, view);
    }
    const nodes = new Map<string, NodeView>();
    for (const object of watch.stores.nodes.all()) {
      const view = reshapeNode(object);
      nodes.set(view.name, view);
    }
    const serverOfNode = new Map<string, string>();
    for (const view of hardware.values()) {
      for (const name of nodeNamesOf(view)) {
        if (nodes.has(name) && !serverOfNode.has(name)) serverOfNode.set(name, view.name);
      }
    }
    for (const [name, node] of nodes) node.server = serverOfNode.get(name) ?? null;
    return { hardware, workflows, nodes, serverOfNode };
  },
);
