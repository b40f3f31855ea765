import clsx from "clsx";
import { formatDuration } from "@/lib/k8s/views/duration";
import type { WorkflowActionView, WorkflowState } from "@/lib/k8s/views/reshape-workflow";

const segment: Record<WorkflowState, string> = {
  succeeded: "bg-emerald-500",
  running: "bg-sky-500 animate-pulse",
  failed: "bg-red-600",
  timeout: "bg-red-600",
  pending: "bg-zinc-200 dark:bg-zinc-700",
  unknown: "bg-zinc-300 dark:bg-zinc-600",
};

/**
 * A Workflow's actions as a segmented bar: one segment per action, coloured by its state, with
 * its name, state and duration on hover and for screen readers.
 */
export function WorkflowProgress({
  actions,
  label = "Workflow progress",
}: {
  actions: WorkflowActionView[];
  label?: string;
}) {
  const done = actions.filter((action) => action.state === "succeeded").length;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={actions.length}
      aria-valuenow={done}
      aria-valuetext={`${done} of ${actions.length} actions done`}
      className="flex h-2.5 w-full min-w-32 gap-0.5"
      data-testid="workflow-progress"
    >
      {actions.map((action, index) => (
        <span
          key={`${action.task}-${action.name}-${index}`}
          className={clsx("h-full flex-1 first:rounded-l last:rounded-r", segment[action.state])}
          title={`${index + 1}. ${action.name}: ${action.state}${action.durationSeconds !== null ? `, ${formatDuration(action.durationSeconds)}` : ""}${action.message ? ` — ${action.message}` : ""}`}
        />
      ))}
    </div>
  );
}

/** The actions as a list with durations, for a server's detail view. */
export function WorkflowActions({ actions }: { actions: WorkflowActionView[] }) {
  return (
    <ol className="mt-2 space-y-0.5 text-xs">
      {actions.map((action, index) => (
        <li key={`${action.task}-${action.name}-${index}`} className="flex justify-between gap-4">
          <span>
            {index + 1}. {action.name} <span className="text-zinc-500">({action.state})</span>
          </span>
          <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
            {formatDuration(action.durationSeconds)}
          </span>
        </li>
      ))}
    </ol>
  );
}
