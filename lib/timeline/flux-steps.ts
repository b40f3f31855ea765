import type { ClusterWatch } from "@/lib/k8s/cluster-watch";
import { reshapeFluxObject, type FluxObjectView } from "@/lib/k8s/views/reshape-flux";
import type { WebhookEventView } from "@/lib/events/event-views";
import type { TimelineStep } from "./types";

/** The GitRepository the console's commits reach Flux through: "foundry", else the only one. */
export function consoleSource(watch: ClusterWatch): FluxObjectView | undefined {
  const all = watch.stores.gitrepositories
    .all()
    .map((o) => reshapeFluxObject("gitrepositories", o));
  return all.find((s) => s.name === "foundry") ?? all[0];
}

/** The Kustomization that applies `manifests/tinkerbell`, where servers live. */
export function tinkerbellKustomization(watch: ClusterWatch): FluxObjectView | undefined {
  const all = watch.stores.kustomizations.all().map((o) => reshapeFluxObject("kustomizations", o));
  return (
    all.find((k) => k.name === "tinkerbell") ??
    all.find((k) => (k.detail ?? "").includes("tinkerbell")) ??
    all[0]
  );
}

function firstEvent(
  events: readonly WebhookEventView[],
  kind: string,
  name: string | undefined,
  sha: string,
) {
  return events.find(
    (e) =>
      e.object?.kind === kind &&
      (!name || e.object.name === name) &&
      e.sha === sha &&
      e.severity !== "error",
  );
}

/**
 * Fetched and applied for a commit. Exact when the revision (or a Flux event) names the sha;
 * otherwise a source artifact stored after the commit landed must contain it, since the
 * branch only moves forward, and the step is marked inferred.
 */
export function fluxSteps(
  watch: ClusterWatch,
  commit: { sha: string; at: Date } | null,
  events: readonly WebhookEventView[],
): TimelineStep[] {
  const source = consoleSource(watch);
  const kustomization = tinkerbellKustomization(watch);
  const fetched: TimelineStep = {
    key: "fetched",
    label: "Fetched by Flux",
    state: "waiting",
    at: null,
    detail: source
      ? `GitRepository ${source.namespace}/${source.name}`
      : "no GitRepository in the cluster",
    message: null,
  };
  const applied: TimelineStep = {
    key: "applied",
    label: "Applied",
    state: "waiting",
    at: null,
    detail: kustomization
      ? `Kustomization ${kustomization.namespace}/${kustomization.name}`
      : "no Kustomization in the cluster",
    message: null,
  };
  if (!commit) return [fetched, applied];

  const fetchEvent = firstEvent(events, "GitRepository", source?.name, commit.sha);
  const sourceAt = source?.revisionAt ? new Date(source.revisionAt) : null;
  if (fetchEvent || source?.revisionSha === commit.sha) {
    Object.assign(fetched, {
      state: "done",
      at: fetchEvent?.occurredAt ?? source?.revisionAt ?? null,
      sha: commit.sha,
    });
  } else if (sourceAt && sourceAt >= commit.at) {
    Object.assign(fetched, {
      state: "done",
      at: source?.revisionAt ?? null,
      inferred: true,
      detail: `${fetched.detail} at ${source?.revision ?? "a later revision"}`,
    });
  } else {
    Object.assign(fetched, {
      state: source?.ready.tone === "failed" ? "failed" : "current",
      at: commit.at.toISOString(),
      message: source?.ready.tone === "ready" ? null : (source?.ready.message ?? null),
    });
  }

  const applyEvent = firstEvent(events, "Kustomization", kustomization?.name, commit.sha);
  const readySince = kustomization?.ready.since ? new Date(kustomization.ready.since) : null;
  if (fetched.state !== "done") return [fetched, applied];
  if (applyEvent || kustomization?.lastAppliedSha === commit.sha) {
    Object.assign(applied, {
      state: "done",
      at: applyEvent?.occurredAt ?? kustomization?.ready.since ?? null,
      sha: commit.sha,
    });
  } else if (
    kustomization?.ready.tone === "ready" &&
    kustomization.lastAppliedSha &&
    kustomization.lastAppliedSha === source?.revisionSha &&
    fetched.inferred
  ) {
    Object.assign(applied, { state: "done", at: kustomization.ready.since, inferred: true });
  } else {
    const failed = kustomization?.ready.tone === "failed";
    Object.assign(applied, {
      state: failed ? "failed" : "current",
      at: fetched.at,
      message: kustomization?.ready.message ?? null,
    });
    if (readySince && failed) applied.at = readySince.toISOString();
  }
  return [fetched, applied];
}
