export type StepKey =
  | "requested"
  | "committed"
  | "fetched"
  | "applied"
  | "hardware"
  | "booted"
  | "netboot-refused"
  | "workflow"
  | "succeeded"
  | "enrollment"
  | "node-ready"
  /** A request's server steps, once a later request about the same server took them over. */
  | "superseded";

/** `superseded`: will not happen for this request any more (a later one took over). */
export type StepState = "done" | "current" | "waiting" | "failed" | "superseded";

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
