import "server-only";
import type { ClusterWatch } from "@/lib/k8s/cluster-watch";
import { serverIndex } from "@/lib/k8s/read/server-index";

export type ProvisioningDurations = {
  server: string;
  finishedAt: string;
  /** Seconds per step: each workflow action by name, then the node joining and turning Ready. */
  steps: { name: string; seconds: number }[];
  totalSeconds: number;
};

/** The last `limit` servers whose Workflow succeeded, newest first, with each step's duration. */
export function provisioningDurations(watch: ClusterWatch, limit = 12): ProvisioningDurations[] {
  const index = serverIndex(watch);
  const done = [...index.workflows.values()]
    .filter((w) => w.state === "succeeded" && w.finishedAt && w.hardware)
    .sort((a, b) => (b.finishedAt ?? "").localeCompare(a.finishedAt ?? ""))
    .slice(0, limit);
  return done.map((workflow) => {
    const steps = workflow.actions.map((action) => ({
      name: action.name,
      seconds: action.durationSeconds ?? 0,
    }));
    const hardware = workflow.hardware ? index.hardware.get(workflow.hardware) : undefined;
    const nodeName = [...index.serverOfNode.entries()].find(
      ([, server]) => server === workflow.hardware,
    )?.[0];
    const node = nodeName ? index.nodes.get(nodeName) : undefined;
    if (node?.readySince && workflow.finishedAt) {
      steps.push({
        name: "node Ready",
        seconds: Math.max(
          0,
          (Date.parse(node.readySince) - Date.parse(workflow.finishedAt)) / 1000,
        ),
      });
    }
    return {
      server: hardware?.name ?? workflow.hardware ?? workflow.name,
      finishedAt: workflow.finishedAt ?? "",
      steps,
      totalSeconds: steps.reduce((sum, step) => sum + step.seconds, 0),
    };
  });
}
