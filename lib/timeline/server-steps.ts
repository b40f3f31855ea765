import type { ServerClusterView } from "@/lib/k8s/read/server-cluster-view";
import type { BootEvent } from "./boot-events";
import type { TimelineStep } from "./types";

/**
 * Hardware present → (booted from media) → (nothing to boot from Tinkerbell) → Workflow running
 * (k of n) → succeeded → (first-boot enrollment: its latest step) → node Ready.
 */
export function serverSteps(
  view: ServerClusterView,
  boots: readonly BootEvent[],
  previousDone: boolean,
  /** When the latest provision or reprovision that committed was requested, if one did. */
  installRequestedAt?: Date,
): TimelineStep[] {
  const { hardware, node } = view;
  // Until Flux applies a new install's Workflow, the cluster's newest is the previous install's:
  // its steps are not this install's. Both clocks are the control plane's.
  const superseded =
    installRequestedAt !== undefined &&
    view.workflow?.createdAt != null &&
    Date.parse(view.workflow.createdAt) < wholeSeconds(installRequestedAt.toISOString());
  const workflow = superseded ? null : view.workflow;
  const steps: TimelineStep[] = [];
  steps.push({
    key: "hardware",
    label: "Hardware present",
    state: hardware ? "done" : previousDone ? "current" : "waiting",
    at: hardware?.createdAt ?? null,
    detail: hardware ? `Hardware ${hardware.namespace}/${hardware.name}` : null,
    message: null,
  });
  const boot = boots.filter((event) => event.kind === "booted").at(-1);
  if (boot) {
    steps.push({
      key: "booted",
      label: "Booted from media",
      state: "done",
      at: boot.at,
      detail: boot.detail,
      message: null,
    });
  }
  const failed = workflow?.state === "failed" || workflow?.state === "timeout";
  const runningOrLater = workflow && workflow.state !== "pending";
  const refusal = boots.filter((event) => event.kind === "netboot-refused").at(-1);
  const refusedAt = refusal ? Date.parse(refusal.at) : Number.NaN;
  // A refusal is this install's only when nothing it is about came after it: not the boot it
  // follows, not the Hardware (a name used again), not the install request or its Workflow.
  const after = (time: string | null | undefined) =>
    time === null || time === undefined || refusedAt >= wholeSeconds(time);
  const current =
    refusal !== undefined &&
    boot !== undefined &&
    refusedAt >= Date.parse(boot.at) &&
    after(hardware?.createdAt) &&
    after(installRequestedAt?.toISOString()) &&
    after(workflow?.createdAt) &&
    !runningOrLater;
  if (refusal && current) {
    const waiting = workflow?.state === "pending";
    steps.push({
      key: "netboot-refused",
      label: "Nothing booted from Tinkerbell",
      state: "failed",
      at: refusal.at,
      detail: refusal.detail,
      // The media see only that the chain to Smee failed: no script, no answer, or a script that
      // failed (HookOS's kernel not found).
      message: waiting
        ? "An install is waiting, yet the machine booted nothing from Tinkerbell: check that " +
          "Smee can be reached from it and that HookOS's artifacts are served. It keeps asking."
        : "Smee had no boot script for this machine (its Hardware does not allow netboot, which " +
          "the console turns on only while an install waits), or could not be reached. Provision " +
          "or reprovision the server: the machine keeps asking and boots the install.",
    });
  }
  steps.push({
    key: "workflow",
    label: workflow?.currentIndex
      ? `Workflow running (action ${workflow.currentIndex} of ${workflow.total})`
      : "Workflow running",
    state: failed
      ? "failed"
      : !workflow
        ? "waiting"
        : workflow.state === "succeeded"
          ? "done"
          : runningOrLater
            ? "current"
            : hardware
              ? "current"
              : "waiting",
    at: workflow?.startedAt ?? (workflow?.state === "pending" ? workflow.createdAt : null),
    detail: workflow
      ? `Workflow ${workflow.name}${workflow.state === "pending" ? ": waiting for the server to boot" : workflow.currentAction ? `: ${workflow.currentAction}` : ""}`
      : superseded
        ? `The new Workflow is not in the cluster yet (${view.workflow?.name ?? "the previous one"} is the previous install's)`
        : null,
    message: failed ? (workflow?.message ?? "the workflow failed") : null,
    ...(workflow
      ? {
          progress: {
            completed: workflow.completed,
            total: workflow.total,
            currentIndex: workflow.currentIndex,
            currentAction: workflow.currentAction,
          },
        }
      : {}),
  });
  steps.push({
    key: "succeeded",
    label: "Workflow succeeded",
    state: workflow?.state === "succeeded" ? "done" : "waiting",
    at: workflow?.state === "succeeded" ? workflow.finishedAt : null,
    detail: null,
    message: null,
  });
  const enrollment = boots.filter((event) => event.kind === "enrollment").at(-1);
  if (enrollment) {
    steps.push({
      key: "enrollment",
      label: enrollment.label ?? "Enrollment",
      state: enrollment.failed ? "failed" : "done",
      at: enrollment.at,
      detail: enrollment.failed ? null : enrollment.detail,
      message: enrollment.failed ? enrollment.detail : null,
    });
  }
  // During a reinstall the node of the previous install may still be Ready: that is not this one.
  const readyAfterInstall =
    node?.ready === true &&
    !superseded &&
    (!workflow ||
      (workflow.state === "succeeded" &&
        (!node.readySince ||
          !workflow.finishedAt ||
          Date.parse(node.readySince) >= wholeSeconds(workflow.finishedAt))));
  const installed = workflow?.state === "succeeded";
  steps.push({
    key: "node-ready",
    label: "Node Ready",
    state: readyAfterInstall
      ? "done"
      : installed || (!workflow && node && !superseded)
        ? "current"
        : "waiting",
    at: readyAfterInstall ? (node?.readySince ?? null) : (workflow?.finishedAt ?? null),
    detail: node
      ? `Node ${node.name}${node.kubeletVersion ? ` (${node.kubeletVersion})` : ""}${
          node.ready && !readyAfterInstall ? ", Ready from the previous install" : ""
        }`
      : null,
    message: node && !node.ready ? "the node has joined but is not Ready yet" : null,
  });
  return steps;
}

// Kubernetes writes condition times in whole seconds; an action's stop time has milliseconds.
function wholeSeconds(time: string): number {
  return Math.floor(Date.parse(time) / 1000) * 1000;
}
