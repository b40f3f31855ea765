import type { K8sObject } from "./yaml-files";

interface PodSpec {
  containers?: { name?: string; image?: unknown }[];
  initContainers?: { name?: string; image?: unknown }[];
}

function podSpecOf(object: K8sObject): PodSpec | undefined {
  const spec = object.spec as Record<string, unknown> | undefined;
  if (!spec) return undefined;
  if (object.kind === "Pod") return spec as PodSpec;
  if (object.kind === "CronJob") {
    const job = spec.jobTemplate as { spec?: { template?: { spec?: PodSpec } } } | undefined;
    return job?.spec?.template?.spec;
  }
  const template = spec.template as { spec?: PodSpec } | undefined;
  return ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"].includes(object.kind)
    ? template?.spec
    : undefined;
}

// Every container image of a workload, as `kind/name container: image`.
export function podImages(object: K8sObject): { where: string; image: string }[] {
  const pod = podSpecOf(object);
  if (!pod) return [];
  return [...(pod.initContainers ?? []), ...(pod.containers ?? [])].map((c) => ({
    where: `${object.kind}/${object.metadata.name ?? "?"} container ${c.name ?? "?"}`,
    image: typeof c.image === "string" ? c.image : "",
  }));
}
