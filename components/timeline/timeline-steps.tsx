import clsx from "clsx";
import { LiveTime } from "@/components/live/live-time";
import { ShortSha } from "@/components/ui/short-sha";
import type { TimelineStep } from "@/lib/timeline/types";

const dot: Record<TimelineStep["state"], string> = {
  done: "bg-emerald-500 border-emerald-500",
  current: "bg-sky-500 border-sky-500 animate-pulse",
  waiting: "bg-transparent border-zinc-300 dark:border-zinc-600",
  failed: "bg-red-600 border-red-600",
  superseded: "bg-zinc-300 border-zinc-300 dark:bg-zinc-600 dark:border-zinc-600",
};

const stateWord: Record<TimelineStep["state"], string> = {
  done: "done",
  current: "in progress",
  waiting: "waiting",
  failed: "failed",
  superseded: "will not happen for this request",
};

/** A timeline as an ordered list: each step with its time, detail, sha and progress. */
export function TimelineSteps({
  steps,
  commitHref,
}: {
  steps: TimelineStep[];
  commitHref?: (sha: string) => string | undefined;
}) {
  return (
    <ol
      className="relative space-y-4 border-l border-zinc-200 pl-6 dark:border-zinc-800"
      data-testid="timeline"
    >
      {steps.map((step) => (
        <li key={step.key} className="relative" data-step={step.key} data-state={step.state}>
          <span
            aria-hidden
            className={clsx(
              "absolute -left-[31px] top-1 size-3 rounded-full border-2",
              dot[step.state],
            )}
          />
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="font-medium">{step.label}</span>
            <span className="text-xs text-zinc-500">
              {stateWord[step.state]}
              {step.inferred ? " (inferred from times)" : ""}
            </span>
            {step.at ? (
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                <LiveTime at={step.at} />
              </span>
            ) : null}
            {step.sha ? <ShortSha sha={step.sha} href={commitHref?.(step.sha)} /> : null}
          </div>
          {step.detail ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{step.detail}</p>
          ) : null}
          {step.progress && step.progress.total > 0 ? (
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              {step.progress.completed} of {step.progress.total} actions done
            </p>
          ) : null}
          {step.message ? (
            <p
              className={clsx(
                "mt-1 rounded px-2 py-1 text-sm",
                step.state === "failed"
                  ? "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100"
                  : "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
              )}
            >
              {step.message}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
