import type { WorkflowObject } from "@/lib/k8s/schemas/tinkerbell";
import { parseGoDuration } from "./duration";
import type { StatusTone } from "./status";

export type WorkflowState = "pending" | "running" | "succeeded" | "failed" | "timeout" | "unknown";

export type WorkflowActionView = {
  task: string;
  name: string;
  state: WorkflowState;
  startedAt: string | null;
  finishedAt: string | null;
  durationSeconds: number | null;
  message: string | null;
};

export type WorkflowView = {
  name: string;
  namespace: string;
  hardware: string | null;
  template: string | null;
  state: WorkflowState;
  tone: StatusTone;
  actions: WorkflowActionView[];
  /** Actions finished successfully, and the one running (1-based), for "action k of n". */
  completed: number;
  currentIndex: number | null;
  currentAction: string | null;
  total: number;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string | null;
  /** The failing action's message, or the workflow's failure condition. */
  message: string | null;
};

/** Tinkerbell writes "STATE_RUNNING" (older) or "RUNNING" (newer); both mean the same. */
export function workflowState(raw: string | undefined): WorkflowState {
  switch ((raw ?? "").toUpperCase().replace(/^STATE_/, "")) {
    case "PENDING":
      return "pending";
    case "RUNNING":
      return "running";
    case "SUCCESS":
      return "succeeded";
    case "FAILED":
      return "failed";
    case "TIMEOUT":
      return "timeout";
    default:
      return raw ? "unknown" : "pending";
  }
}

const tones: Record<WorkflowState, StatusTone> = {
  pending: "unknown",
  running: "progressing",
  succeeded: "ready",
  failed: "failed",
  timeout: "failed",
  unknown: "unknown",
};

/*
 * The Tink controller (v0.21.0) records a Template it cannot render (a missing value, a function
 * that fails) as templateRendering "failed" with the reason on the TemplateRenderedSuccess
 * condition, and leaves the state empty: no action will ever run.
 */
function renderingFailure(workflow: WorkflowObject): string | null {
  const status = workflow.status;
  const condition = status?.conditions?.find((c) => c.type === "TemplateRenderedSuccess");
  if (status?.templateRendering !== "failed" && condition?.status !== "False") return null;
  return `Tinkerbell could not render template ${workflow.spec?.templateRef ?? ""}: ${condition?.message ?? "no reason given"}`;
}

export function reshapeWorkflow(workflow: WorkflowObject): WorkflowView {
  const status = workflow.status;
  const renderFailed = renderingFailure(workflow);
  const actions: WorkflowActionView[] = (status?.tasks ?? []).flatMap((task) =>
    task.actions.map((action) => {
      const started = action.executionStart ?? null;
      const stopped = action.executionStop ?? null;
      const measured = started && stopped ? (stopped.getTime() - started.getTime()) / 1000 : null;
      return {
        task: task.name,
        name: action.name,
        state: workflowState(action.state),
        startedAt: started?.toISOString() ?? null,
        finishedAt: stopped?.toISOString() ?? null,
        durationSeconds: parseGoDuration(action.executionDuration) ?? measured,
        message: action.message ?? null,
      };
    }),
  );
  const state = renderFailed ? "failed" : workflowState(status?.state);
  const running = actions.findIndex((action) => action.state === "running");
  const failedAction = actions.find(
    (action) => action.state === "failed" || action.state === "timeout",
  );
  const failedCondition = status?.conditions?.find(
    (c) => c.status === "True" && /fail|timeout/i.test(c.type),
  );
  const starts = actions.flatMap((a) => (a.startedAt ? [a.startedAt] : [])).sort();
  const stops = actions.flatMap((a) => (a.finishedAt ? [a.finishedAt] : [])).sort();
  const done = state === "succeeded" || state === "failed" || state === "timeout";
  return {
    name: workflow.metadata.name,
    namespace: workflow.metadata.namespace ?? "",
    hardware: workflow.spec?.hardwareRef ?? null,
    template: workflow.spec?.templateRef ?? null,
    state,
    tone: tones[state],
    actions,
    completed: actions.filter((action) => action.state === "succeeded").length,
    currentIndex: running >= 0 ? running + 1 : null,
    currentAction:
      running >= 0 ? (actions[running]?.name ?? null) : (status?.currentState?.actionName ?? null),
    total: actions.length,
    startedAt: starts[0] ?? null,
    finishedAt: done ? (stops.at(-1) ?? null) : null,
    createdAt: workflow.metadata.creationTimestamp?.toISOString() ?? null,
    message: renderFailed ?? failedAction?.message ?? failedCondition?.message ?? null,
  };
}
