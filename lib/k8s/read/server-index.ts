import type { ClusterWatch } from "@/lib/k8s/cluster-watch";
import { nodeNamesOf, reshapeHardware, type HardwareView } from "@/lib/k8s/views/reshape-hardware";
import { jobServer, reshapeBmc, type BmcView } from "@/lib/k8s/views/reshape-bmc";
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
  /** Rufio's Machine and newest Job per server with a BMC. */
  bmc: Map<string, BmcView>;
};

/** Hardware, Workflows, Nodes and BMCs joined by server (Hardware) name, rebuilt only on change. */
export const serverIndex = memoByVersion(
  ["hardware", "workflows", "nodes", "machines", "bmcjobs"],
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
    return { hardware, workflows, nodes, serverOfNode, bmc: bmcByServer(watch) };
  },
);

function bmcByServer(watch: ClusterWatch): Map<string, BmcView> {
  type Job = ReturnType<typeof watch.stores.bmcjobs.all>[number];
  const newest = new Map<string, Job>();
  for (const job of watch.stores.bmcjobs.all()) {
    const server = jobServer(job);
    if (!server) continue;
    const known = newest.get(server);
    const created = job.metadata.creationTimestamp?.getTime() ?? 0;
    if (!known || created >= (known.metadata.creationTimestamp?.getTime() ?? 0))
      newest.set(server, job);
  }
  const out = new Map<string, BmcView>();
  const machines = new Map(watch.stores.machines.all().map((m) => [m.metadata.name, m]));
  for (const name of new Set([...machines.keys(), ...newest.keys()])) {
    out.set(name, reshapeBmc(machines.get(name), newest.get(name)));
  }
  return out;
}
