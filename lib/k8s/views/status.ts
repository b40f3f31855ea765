import type { Condition } from "@/lib/k8s/schemas/common";

/** The one status vocabulary of the console (the same words as `components/ui/status-badge`). */
export type StatusTone = "ready" | "progressing" | "failed" | "unknown" | "suspended";

export type ReadyState = {
  tone: StatusTone;
  /** The condition's reason, e.g. "ReconciliationSucceeded". */
  reason: string | null;
  /** The controller's own message, shown as it wrote it. */
  message: string | null;
  since: string | null;
};

/** Reads Flux's kstatus conditions: Ready, with Reconciling and Stalled beside it. */
export function readyFromConditions(
  conditions: readonly Condition[] | undefined,
  suspended = false,
): ReadyState {
  const ready = conditions?.find((condition) => condition.type === "Ready");
  const reconciling = conditions?.find((c) => c.type === "Reconciling" && c.status === "True");
  const stalled = conditions?.find((c) => c.type === "Stalled" && c.status === "True");
  const base = {
    reason: ready?.reason ?? null,
    message: ready?.message ?? null,
    since: ready?.lastTransitionTime?.toISOString() ?? null,
  };
  if (suspended) return { ...base, tone: "suspended" };
  if (stalled) return { ...base, tone: "failed", message: stalled.message ?? base.message };
  if (ready?.status === "True") return { ...base, tone: "ready" };
  if (reconciling || ready?.status === "Unknown") return { ...base, tone: "progressing" };
  if (ready?.status === "False") return { ...base, tone: "failed" };
  return { ...base, tone: "unknown" };
}
