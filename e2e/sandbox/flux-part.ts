import { createHash } from "node:crypto";
import type { KindKey } from "../../lib/k8s/kinds";
import type { ObjectStore, KubeObject } from "./object-store";

export type FluxEventToSend = {
  object: KubeObject;
  kindName: string;
  reason: string;
  message: string;
  revision: string;
  controller: string;
  severity?: "info" | "error";
};

const fluxKinds: Record<string, { key: KindKey; controller: string }> = {
  "source.toolkit.fluxcd.io/GitRepository": {
    key: "gitrepositories",
    controller: "source-controller",
  },
  "source.toolkit.fluxcd.io/HelmRepository": {
    key: "helmrepositories",
    controller: "source-controller",
  },
  "source.toolkit.fluxcd.io/OCIRepository": {
    key: "ocirepositories",
    controller: "source-controller",
  },
  "kustomize.toolkit.fluxcd.io/Kustomization": {
    key: "kustomizations",
    controller: "kustomize-controller",
  },
  "helm.toolkit.fluxcd.io/HelmRelease": { key: "helmreleases", controller: "helm-controller" },
};

export function fluxKindOf(
  object: Record<string, unknown>,
): { key: KindKey; controller: string } | undefined {
  const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion.split("/")[0] : "";
  return fluxKinds[`${apiVersion}/${String(object.kind)}`];
}

function ready(message: string, reason = "Succeeded") {
  return [
    {
      type: "Ready",
      status: "True",
      reason,
      message,
      lastTransitionTime: new Date().toISOString(),
      observedGeneration: 1,
    },
  ];
}

const digest = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Flux's part in the sandbox: each Flux object of the tree is reported Ready at the commit, the
 * way source-, kustomize- and helm-controller report it; returns the events Flux would send.
 */
export function applyFluxObject(
  store: ObjectStore,
  key: KindKey,
  object: KubeObject,
  gitRevision: string,
  controller: string,
): FluxEventToSend | undefined {
  const existing = store.get(key, object.metadata.name, object.metadata.namespace);
  const annotations = existing?.metadata.annotations ?? object.metadata.annotations;
  const handled = annotations?.["reconcile.fluxcd.io/requestedAt"];
  const base = {
    ...object,
    metadata: { ...object.metadata, ...(annotations ? { annotations } : {}) },
  };
  const spec = object.spec ?? {};
  const now = new Date().toISOString();
  let status: Record<string, unknown>;
  let revision: string;
  let reason: string;
  let message: string;
  switch (key) {
    case "gitrepositories":
      revision = gitRevision;
      reason = "NewArtifact";
      message = `stored artifact for revision '${revision}'`;
      status = {
        artifact: {
          revision,
          lastUpdateTime: now,
          path: `gitrepository/${object.metadata.namespace}/${object.metadata.name}/${revision.split(":").at(-1) ?? ""}.tar.gz`,
        },
        conditions: ready(message),
      };
      break;
    case "helmrepositories":
      revision = `sha256:${digest(String(spec.url ?? object.metadata.name))}`;
      reason = "NewArtifact";
      message = `stored artifact: revision '${revision}'`;
      status = { artifact: { revision, lastUpdateTime: now }, conditions: ready(message) };
      break;
    case "ocirepositories":
      revision = `latest@sha256:${digest(String(spec.url ?? object.metadata.name))}`;
      reason = "NewArtifact";
      message = `stored artifact for digest '${revision}'`;
      status = { artifact: { revision, lastUpdateTime: now }, conditions: ready(message) };
      break;
    case "kustomizations":
      revision = gitRevision;
      reason = "ReconciliationSucceeded";
      message = `Applied revision: ${revision}`;
      status = {
        lastAppliedRevision: revision,
        lastAttemptedRevision: revision,
        conditions: ready(message, "ReconciliationSucceeded"),
      };
      break;
    default: {
      const chart = (spec.chart as { spec?: { chart?: string; version?: string } } | undefined)
        ?.spec;
      revision = chart?.version ?? "0.0.0";
      reason = "InstallSucceeded";
      message = `Helm install succeeded for release ${object.metadata.namespace}/${object.metadata.name}.v1 with chart ${chart?.chart ?? "chart"}@${revision}`;
      status = {
        lastAttemptedRevision: revision,
        history: [{ chartVersion: revision, status: "deployed", lastDeployed: now }],
        conditions: ready(message, "InstallSucceeded"),
      };
    }
  }
  if (handled) status.lastHandledReconcileAt = handled;
  const previous = existing?.status as
    | {
        artifact?: { revision?: string };
        lastAppliedRevision?: string;
        lastAttemptedRevision?: string;
        lastHandledReconcileAt?: string;
      }
    | undefined;
  const previousRevision =
    previous?.artifact?.revision ??
    previous?.lastAppliedRevision ??
    previous?.lastAttemptedRevision;
  const specChanged =
    JSON.stringify(existing?.spec ?? null) !== JSON.stringify(object.spec ?? null);
  if (
    !existing ||
    specChanged ||
    previousRevision !== revision ||
    previous?.lastHandledReconcileAt !== handled
  ) {
    const stored = store.upsert(key, { ...base, status });
    if (previousRevision !== revision)
      return {
        object: stored,
        kindName: String(stored.kind),
        reason,
        message,
        revision,
        controller,
      };
  }
  return undefined;
}
