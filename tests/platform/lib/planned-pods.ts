import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse, parseAllDocuments } from "yaml";
import { chartPods, type Toleration } from "./chart-pods";
import { goModuleDir } from "./go-module";
import { at } from "./helm-values";
import { type PlannedPod, type PodSpec, mebibytes, podMemoryMib } from "./pod-requests";
import { repoRoot } from "./reference";
import type { K8sObject } from "./yaml-files";

const criticalAddons: Toleration[] = [{ key: "CriticalAddonsOnly", operator: "Exists" }];

/*
 * K3s's own add-ons that this configuration keeps (cloud-init disables traefik, servicelb,
 * local-storage and metrics-server). K3s's module is refused by the proxy here, so the figure is
 * from k3s-io/k3s manifests/coredns.yaml as stored: requests 70Mi, tolerates CriticalAddonsOnly.
 */
export const k3sAddons: PlannedPod[] = [
  {
    name: "coredns",
    memoryMib: 70,
    tolerations: criticalAddons,
    from: "k3s manifests/coredns.yaml",
  },
];

// The version of a Flux controller the pinned Flux release ships: the real stack's own reading.
function fluxControllerVersion(component: string): string {
  return execFileSync(
    "bash",
    ["-c", `. scripts/real-stack/versions.sh && flux_controller_version ${component}`],
    { cwd: repoRoot, encoding: "utf8" },
  ).trim();
}

/**
 * Flux's controllers as `flux install` runs them: the requests of each controller's own
 * Deployment at the version the pinned Flux release ships, tolerating the keys cloud-init passes
 * in `--toleration-keys`. notification-controller's module is refused by the proxy here: it is
 * counted at its siblings' request, and named as a stand-in figure.
 */
export function fluxControllers(components: string[], tolerationKeys: string[]): PlannedPod[] {
  const tolerations = tolerationKeys.map((key) => ({ key, operator: "Exists" }));
  return components.map((component) => {
    const version = fluxControllerVersion(component);
    if (component === "notification-controller")
      return {
        name: component,
        memoryMib: 64,
        tolerations,
        from: `stand-in figure (${version} is refused)`,
      };
    const dir = goModuleDir(`github.com/fluxcd/${component}`, version);
    const file = path.join(dir, "config/manager/deployment.yaml");
    const deployment = parseAllDocuments(readFileSync(file, "utf8"))
      .map((d) => d.toJS() as K8sObject)
      .find((o) => o.kind === "Deployment");
    const spec = (deployment?.spec as { template?: { spec?: PodSpec } } | undefined)?.template
      ?.spec;
    if (!spec) throw new Error(`${file}: no Deployment`);
    return {
      name: component,
      memoryMib: podMemoryMib(spec, `${component} ${version}`),
      tolerations,
      from: `${component} ${version} config/manager/deployment.yaml`,
    };
  });
}

const valueAt = (values: unknown, keys: string[]): unknown => at(values, keys.join("."));

/** The pods of every HelmRelease, with the requests our values give them (never a chart default). */
export function helmReleasePods(objects: K8sObject[]): PlannedPod[] {
  return objects
    .filter((o) => o.kind === "HelmRelease")
    .flatMap((release) => {
      const name = release.metadata.name ?? "?";
      const chart = chartPods[name];
      if (!chart)
        throw new Error(
          `HelmRelease ${name}: its pods are not listed in tests/platform/lib/chart-pods.ts`,
        );
      const spec = release.spec as { values?: unknown; chart?: { spec?: { version?: string } } };
      const values = spec.values;
      const chartDefaults = chart.chartModule && {
        values: parse(
          readFileSync(
            path.join(
              goModuleDir(chart.chartModule.module, `v${spec.chart?.spec?.version ?? "?"}`),
              chart.chartModule.valuesFile,
            ),
            "utf8",
          ),
        ) as unknown,
      };
      return chart.pods.flatMap((pod) => {
        if (pod.when) {
          const enabled =
            valueAt(values, pod.when) ??
            (chartDefaults ? valueAt(chartDefaults.values, pod.when) : undefined);
          if (enabled === false) return [];
          if (enabled !== true && !chartDefaults)
            throw new Error(
              `HelmRelease ${name}: values must say ${pod.when.join(".")} (the chart's default is on)`,
            );
        }
        const memory =
          pod.fixedMemory?.quantity ?? valueAt(values, [...pod.resources, "requests", "memory"]);
        if (memory === undefined)
          throw new Error(
            `HelmRelease ${name}: values set no memory request for ${pod.pod} (${pod.resources.join(".")})`,
          );
        const tolerations =
          (valueAt(values, pod.tolerations.path) as Toleration[] | undefined) ??
          (chartDefaults
            ? ((valueAt(chartDefaults.values, pod.tolerations.path) as Toleration[] | undefined) ??
              [])
            : pod.tolerations.chartDefault);
        const replicas = pod.replicas
          ? Number(
              valueAt(values, pod.replicas.path) ??
                (chartDefaults ? valueAt(chartDefaults.values, pod.replicas.path) : undefined) ??
                pod.replicas.chartDefault,
            )
          : 1;
        return Array.from({ length: replicas }, (_, i) => ({
          name: replicas > 1 ? `${pod.pod}-${i}` : pod.pod,
          memoryMib: mebibytes(memory),
          tolerations,
          from: `HelmRelease ${name} values (${chart.source})`,
        }));
      });
    });
}

/** Deployments, DaemonSets, StatefulSets, Jobs and CronJobs written in the tree itself. */
export function workloadPods(objects: K8sObject[]): PlannedPod[] {
  return objects.flatMap((o) => {
    const spec = o.spec as Record<string, unknown> | undefined;
    const template = (s: unknown): PodSpec | undefined =>
      (s as { template?: { spec?: PodSpec } } | undefined)?.template?.spec;
    const pod =
      o.kind === "CronJob"
        ? template((spec?.jobTemplate as { spec?: unknown } | undefined)?.spec)
        : ["Deployment", "DaemonSet", "StatefulSet", "Job"].includes(o.kind)
          ? template(spec)
          : undefined;
    if (!pod) return [];
    const where = `${o.kind} ${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;
    const replicas =
      o.kind === "Deployment" || o.kind === "StatefulSet" ? Number(spec?.replicas ?? 1) : 1;
    return Array.from({ length: replicas }, () => ({
      name: where,
      memoryMib: podMemoryMib(pod, where),
      tolerations: pod.tolerations ?? [],
      from: where,
      controlPlaneOnly: pod.nodeSelector?.["node-role.kubernetes.io/control-plane"] === "true",
    }));
  });
}
