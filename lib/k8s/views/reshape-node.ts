import type { NodeObject } from "@/lib/k8s/schemas/node";
import type { StatusTone } from "./status";

export type NodeCondition = {
  type: string;
  status: string;
  reason: string | null;
  message: string | null;
  since: string | null;
  healthy: boolean;
};

export type NodeView = {
  name: string;
  roles: string[];
  ready: boolean;
  tone: StatusTone;
  statusLabel: string;
  conditions: NodeCondition[];
  kubeletVersion: string | null;
  arch: string | null;
  osImage: string | null;
  cpu: string | null;
  memoryBytes: number | null;
  internalIp: string | null;
  createdAt: string | null;
  readySince: string | null;
  unschedulable: boolean;
  /** The Hardware this node was provisioned from, when one matches (filled by the view). */
  server: string | null;
};

const binary: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
const decimal: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** A Kubernetes memory quantity ("16318412Ki", "8Gi", "1e9") in bytes. */
export function quantityBytes(value: string | undefined): number | null {
  if (!value) return null;
  const match = /^(\d+(?:\.\d+)?(?:e\d+)?)([KMGT]i|[kMGT])?$/.exec(value);
  if (!match) return null;
  const unit = match[2];
  const factor = unit === undefined ? 1 : (binary[unit] ?? decimal[unit] ?? 1);
  return Math.round(Number(match[1]) * factor);
}

export function reshapeNode(node: NodeObject): NodeView {
  const labels = node.metadata.labels ?? {};
  const roles = Object.keys(labels)
    .filter((key) => key.startsWith("node-role.kubernetes.io/"))
    .map((key) => key.slice("node-role.kubernetes.io/".length))
    .sort();
  const conditions = (node.status?.conditions ?? []).map((condition) => ({
    type: condition.type,
    status: condition.status,
    reason: condition.reason ?? null,
    message: condition.message ?? null,
    since: condition.lastTransitionTime?.toISOString() ?? null,
    healthy: condition.type === "Ready" ? condition.status === "True" : condition.status !== "True",
  }));
  const ready = conditions.find((condition) => condition.type === "Ready");
  const unschedulable = node.spec?.unschedulable === true;
  const isReady = ready?.status === "True";
  const tone: StatusTone =
    ready === undefined || ready.status === "Unknown"
      ? "unknown"
      : isReady
        ? unschedulable
          ? "suspended"
          : "ready"
        : "failed";
  return {
    name: node.metadata.name,
    roles: roles.length > 0 ? roles : ["worker"],
    ready: isReady,
    tone,
    statusLabel: !ready
      ? "Unknown"
      : isReady
        ? unschedulable
          ? "Ready, cordoned"
          : "Ready"
        : ready.status === "Unknown"
          ? "Not reporting"
          : "Not ready",
    conditions,
    kubeletVersion: node.status?.nodeInfo?.kubeletVersion ?? null,
    arch: node.status?.nodeInfo?.architecture ?? labels["kubernetes.io/arch"] ?? null,
    osImage: node.status?.nodeInfo?.osImage ?? null,
    cpu: node.status?.capacity?.cpu ?? null,
    memoryBytes: quantityBytes(node.status?.capacity?.memory),
    internalIp:
      node.status?.addresses?.find((address) => address.type === "InternalIP")?.address ?? null,
    createdAt: node.metadata.creationTimestamp?.toISOString() ?? null,
    readySince: isReady ? (ready?.since ?? null) : null,
    unschedulable,
    server: null,
  };
}
