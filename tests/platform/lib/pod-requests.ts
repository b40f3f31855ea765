import type { Toleration } from "./chart-pods";

/** A pod the scheduler places: its memory request (MiB) and what it tolerates. */
export interface PlannedPod {
  name: string;
  memoryMib: number;
  tolerations: Toleration[];
  /** Where the figure comes from, printed beside the sum. */
  from: string;
  /** A nodeSelector on the control plane: the pod runs there or nowhere. */
  controlPlaneOnly?: boolean;
}

const units: Record<string, number> = {
  Ki: 1 / 1024,
  Mi: 1,
  Gi: 1024,
  K: 1000 / 1024 / 1024,
  M: (1000 * 1000) / 1024 / 1024,
  G: (1000 * 1000 * 1000) / 1024 / 1024,
};

/** A Kubernetes memory quantity ("64Mi", "1Gi", "500M") in MiB. */
export function mebibytes(quantity: unknown): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|M|G)?$/.exec(String(quantity));
  if (!match) throw new Error(`not a memory quantity: ${String(quantity)}`);
  const unit = units[match[2] ?? ""];
  return unit === undefined ? Number(match[1]) / 1024 / 1024 : Number(match[1]) * unit;
}

export interface Container {
  name?: string;
  resources?: { requests?: { memory?: string } };
}

export interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  tolerations?: Toleration[];
  nodeSelector?: Record<string, string>;
}

/** The scheduler's view of a pod's request: the larger of its containers' sum and any init container. */
export function podMemoryMib(spec: PodSpec, where: string): number {
  const request = (c: Container): number => {
    const memory = c.resources?.requests?.memory;
    if (memory === undefined)
      throw new Error(`${where}: container ${c.name ?? "?"} requests no memory`);
    return mebibytes(memory);
  };
  const running = (spec.containers ?? []).reduce((sum, c) => sum + request(c), 0);
  return Math.max(running, ...(spec.initContainers ?? []).map(request));
}

/** Whether a pod with these tolerations may run on (and stay on) a node with this taint. */
export function tolerates(tolerations: Toleration[], taint: string): boolean {
  if (taint === "") return true;
  const match = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(taint);
  if (!match) throw new Error(`not a taint: ${taint}`);
  const [, key, value = "", effect] = match;
  return tolerations.some(
    (t) =>
      (t.effect === undefined || t.effect === "" || t.effect === effect) &&
      ((t.key === undefined && t.operator === "Exists") ||
        (t.key === key && (t.operator === "Exists" || (t.value ?? "") === value))),
  );
}
