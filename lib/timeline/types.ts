export type StepKey =
  | "requested"
  | "committed"
  | "fetched"
  | "applied"
  | "hardware"
  | "booted"
  | "workflow"
  | "succeeded"
  | "enrollment"
  | "node-ready";

export type StepState = "done" | "current" | "waiting" | "failed";

export type TimelineStep = {
  key: StepKey;
  label: string;
  state: StepState;
  /** When the step happened (done/failed), or since when it has been the current one. */
  at: string | null;
  detail: string | null;
  /** A failed or stuck step: the controller's own words. */
  message: string | null;
  sha?: string;
  /** Inferred from times rather than an exact sha match (see lib/timeline/README.md). */
  inferred?: boolean;
  progress?: {
    completed: number;
    total: number;
    currentIndex: number | null;
    currentAction: string | null;
  };
};

export type Timeline = { subject: string; steps: TimelineStep[] };
