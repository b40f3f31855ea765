"use client";

import Link from "next/link";
import { useEffect, useRef, type ReactNode } from "react";
import { DiffView } from "./diff-view";
import { FluxApplyStatus } from "./flux-apply-status";
import type { FlowState } from "./use-change-flow";

const button =
  "rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900";

/** The preview, the confirmation, the push in progress and the resulting commit. */
export function ChangePanel({
  state,
  onConfirm,
  onBack,
  confirmLabel = "Commit",
  confirmDisabled = false,
  children,
}: {
  state: FlowState;
  onConfirm: () => void;
  onBack: () => void;
  confirmLabel?: string;
  confirmDisabled?: boolean;
  children?: ReactNode;
}) {
  // Each step's outcome takes the focus, so keyboard and screen reader users land on what changed.
  const outcome = useRef<HTMLElement>(null);
  useEffect(() => {
    if (state.step === "confirm" || state.step === "done" || state.step === "failed") {
      outcome.current?.focus();
    }
  }, [state.step]);
  if (state.step === "previewing")
    return (
      <p role="status" className="text-sm">
        Preparing the preview…
      </p>
    );
  if (state.step === "committing") {
    return (
      <p role="status" className="flex items-center gap-2 text-sm">
        <span
          aria-hidden
          className="size-3 animate-spin rounded-full border-2 border-zinc-400 border-t-transparent"
        />
        Committing and pushing to Git…
      </p>
    );
  }
  if (state.step === "failed") {
    return (
      <p
        ref={(element) => {
          outcome.current = element;
        }}
        tabIndex={-1}
        role="alert"
        className="text-sm text-red-700 outline-none dark:text-red-300"
      >
        {state.error}
      </p>
    );
  }
  if (state.step === "done") {
    const { result } = state;
    return (
      <div
        ref={(element) => {
          outcome.current = element;
        }}
        tabIndex={-1}
        role="status"
        className="space-y-2 text-sm outline-none"
        data-testid="commit-result"
      >
        {result.committed ? (
          <p>
            Committed{" "}
            <code className="font-mono" data-testid="commit-sha">
              {result.sha.slice(0, 12)}
            </code>
            {result.pullRequestUrl ? (
              <>
                {" "}
                as{" "}
                <a className="underline" href={result.pullRequestUrl}>
                  a pull request
                </a>
              </>
            ) : null}
            . <FluxApplyStatus requestId={result.requestId} />{" "}
            <Link className="underline" href="/activity">
              See it in Activity
            </Link>
            .
          </p>
        ) : (
          <p>Nothing to commit: the repository already says this.</p>
        )}
      </div>
    );
  }
  if (state.step !== "confirm") return null;
  return (
    <section
      ref={(element) => {
        outcome.current = element;
      }}
      tabIndex={-1}
      aria-label="Preview"
      className="space-y-3 rounded-lg border border-zinc-200 p-4 outline-none dark:border-zinc-800"
    >
      <h2 className="text-base font-semibold">What will be committed</h2>
      <ul className="list-disc pl-5 text-sm">
        {state.preview.consequences.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <DiffView diff={state.preview.diff} />
      {children}
      <div className="flex gap-3">
        <button type="button" className={button} onClick={onConfirm} disabled={confirmDisabled}>
          {confirmLabel}
        </button>
        <button type="button" className="text-sm underline" onClick={onBack}>
          Back
        </button>
      </div>
    </section>
  );
}

export { button as primaryButton };
