import type { FluxKindKey } from "@/lib/k8s/kinds";
import { kindInfo } from "@/lib/k8s/kinds";
import type { FluxObject } from "@/lib/k8s/schemas/flux";
import { reconcileRequestTime } from "./reconcile-time";
import { parseRevision } from "./revision";
import { readyFromConditions, type ReadyState } from "./status";

export type FluxObjectView = {
  kindKey: FluxKindKey;
  kind: string;
  namespace: string;
  name: string;
  ready: ReadyState;
  suspended: boolean;
  /** Sources: the artifact's revision; Kustomizations and HelmReleases: the last attempted one. */
  revision: string | null;
  revisionSha: string | null;
  /** Sources: when the artifact was stored. */
  revisionAt: string | null;
  lastAppliedRevision: string | null;
  lastAppliedSha: string | null;
  source: string | null;
  detail: string | null;
  /** The reconcile the console last asked for, and whether the controller has handled it. */
  requestedAt: string | null;
  handledAt: string | null;
  /** When the handled request was made (ISO), if its token reads as a time. */
  handledTime: string | null;
};

export const reconcileAnnotation = "reconcile.fluxcd.io/requestedAt";

export function reshapeFluxObject(kindKey: FluxKindKey, object: FluxObject): FluxObjectView {
  const spec = object.spec;
  const status = object.status;
  const suspended = spec?.suspend === true;
  const isSource =
    kindKey === "gitrepositories" ||
    kindKey === "ocirepositories" ||
    kindKey === "helmrepositories";
  const revision = isSource
    ? (status?.artifact?.revision ?? null)
    : (status?.lastAttemptedRevision ?? null);
  const applied =
    kindKey === "helmreleases"
      ? (status?.history?.[0]?.chartVersion ?? status?.lastAppliedRevision ?? null)
      : (status?.lastAppliedRevision ?? null);
  const sourceRef = spec?.sourceRef ?? spec?.chart?.spec?.sourceRef;
  const detail =
    spec?.url ??
    spec?.path ??
    (spec?.chart?.spec?.chart
      ? `${spec.chart.spec.chart} ${spec.chart.spec.version ?? ""}`.trim()
      : null);
  return {
    kindKey,
    kind: kindInfo[kindKey].kind,
    namespace: object.metadata.namespace ?? "",
    name: object.metadata.name,
    ready: readyFromConditions(status?.conditions, suspended),
    suspended,
    revision,
    revisionSha: parseRevision(revision)?.sha ?? null,
    revisionAt: status?.artifact?.lastUpdateTime?.toISOString() ?? null,
    lastAppliedRevision: applied,
    lastAppliedSha: parseRevision(applied)?.sha ?? null,
    source: sourceRef
      ? `${sourceRef.kind}/${sourceRef.namespace ? `${sourceRef.namespace}/` : ""}${sourceRef.name}`
      : null,
    detail,
    requestedAt: object.metadata.annotations?.[reconcileAnnotation] ?? null,
    handledAt: status?.lastHandledReconcileAt ?? null,
    handledTime: reconcileRequestTime(status?.lastHandledReconcileAt),
  };
}
