import type { WorkflowView } from "@/lib/k8s/views/reshape-workflow";
import type { WorkflowRecord } from "./server-record";

/**
 * The server's install as a sentence: what Git asks for, told by what the cluster has done with
 * it. Git alone would say "provisioned" the moment the commit lands, before anything has run.
 */
export function installState(inGit: WorkflowRecord | undefined, live: WorkflowView | null): string {
  if (!inGit) return "Registered, not provisioned";
  const install = `${inGit.template} (generation ${inGit.generation})`;
  // The cluster's newest Workflow may still be an earlier generation's, until Flux applies this one.
  if (!live || live.name !== inGit.name) return `${install} committed; not in the cluster yet`;
  switch (live.state) {
    case "succeeded":
      return `Provisioned with ${install}`;
    case "running":
      return `Installing ${install}: action ${live.currentIndex ?? live.completed} of ${live.total}`;
    case "failed":
    case "timeout":
      return `Install of ${install} failed`;
    default:
      return `${install} applied; waiting for the server to boot`;
  }
}
