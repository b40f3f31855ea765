import type { WorkflowActionView, WorkflowView } from "@/lib/k8s/views/reshape-workflow";
import { workflowName } from "@/lib/manifests/build-workflow";

/** The part of a Workflow, as the cluster view shows it, that decides whether a claim may be made. */
export type ClaimableWorkflow = Pick<WorkflowView, "name" | "state"> & {
  actions: Pick<WorkflowActionView, "name" | "state">[];
};

export const fetchTokenAction = "fetch-enrollment-token";

/*
 * A token is issued only while the install that asks for it runs: Workflow `<server>-<generation>`
 * is running and, when its template has the fetch action, that action is the next one to finish
 * (running, or pending right after its predecessors succeeded: the watch may lag the worker).
 */
export function claimWindowOpen(
  workflow: ClaimableWorkflow | null,
  server: string,
  generation: number,
): boolean {
  if (
    !workflow ||
    workflow.name !== workflowName(server, generation) ||
    workflow.state !== "running"
  )
    return false;
  if (!workflow.actions.some((action) => action.name === fetchTokenAction)) return true;
  const next = workflow.actions.find((action) => action.state !== "succeeded");
  return next?.name === fetchTokenAction && (next.state === "running" || next.state === "pending");
}
