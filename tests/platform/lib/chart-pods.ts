/**
 * The long-running pods each chart in the tree starts, where its values set their resources and
 * tolerations, and the chart's own defaults for what our values leave unset. Read from each
 * chart's values.yaml at the version the tree pins (the source named on each entry); a chart
 * upgrade that adds a pod must add it here, or the capacity test undercounts.
 */
export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

export interface ChartPod {
  pod: string;
  /** Path of the pod's `resources` in the chart's values. */
  resources: string[];
  /** A request the chart's template fixes (no value sets it), with the template it is in. */
  fixedMemory?: { quantity: string; template: string };
  /** A values path that must be true for the chart to run the pod at all. */
  when?: string[];
  /** One pod on every node (a DaemonSet), or `replicas` pods. */
  perNode?: boolean;
  replicas?: { path: string[]; chartDefault: number };
  tolerations: { path: string[]; chartDefault: Toleration[] };
}

export interface ChartEntry {
  source: string;
  /** The chart's values.yaml in a Go module at the HelmRelease's chart version: its defaults. */
  chartModule?: { module: string; valuesFile: string };
  pods: ChartPod[];
}

export const chartPods: Record<string, ChartEntry> = {
  cilium: {
    // The chart itself, at the version the HelmRelease pins, is in Cilium's Go module: its own
    // defaults are read from there (the agent and Envoy tolerate every taint; the operator only
    // the control-plane, master, not-ready and uninitialized ones).
    source: "cilium install/kubernetes/cilium/values.yaml (Go module at the pinned version)",
    chartModule: {
      module: "github.com/cilium/cilium",
      valuesFile: "install/kubernetes/cilium/values.yaml",
    },
    pods: [
      {
        pod: "cilium-agent",
        resources: ["resources"],
        perNode: true,
        tolerations: { path: ["tolerations"], chartDefault: [] },
      },
      {
        pod: "cilium-envoy",
        resources: ["envoy", "resources"],
        perNode: true,
        tolerations: { path: ["envoy", "tolerations"], chartDefault: [] },
      },
      {
        pod: "cilium-operator",
        resources: ["operator", "resources"],
        replicas: { path: ["operator", "replicas"], chartDefault: 2 },
        tolerations: { path: ["operator", "tolerations"], chartDefault: [] },
      },
    ],
  },
  "cert-manager": {
    source: "cert-manager v1.19.1 deploy/charts/cert-manager/values.yaml (tolerations: [])",
    pods: [
      {
        pod: "cert-manager",
        resources: ["resources"],
        tolerations: { path: ["tolerations"], chartDefault: [] },
      },
      {
        pod: "cert-manager-webhook",
        resources: ["webhook", "resources"],
        tolerations: { path: ["webhook", "tolerations"], chartDefault: [] },
      },
      {
        pod: "cert-manager-cainjector",
        resources: ["cainjector", "resources"],
        tolerations: { path: ["cainjector", "tolerations"], chartDefault: [] },
      },
    ],
  },
  "sealed-secrets": {
    source: "sealed-secrets helm-v2.17.7 helm/sealed-secrets/values.yaml (tolerations: [])",
    pods: [
      {
        pod: "sealed-secrets-controller",
        resources: ["resources"],
        tolerations: { path: ["tolerations"], chartDefault: [] },
      },
    ],
  },
  "local-path-provisioner": {
    source:
      "local-path-provisioner v0.0.32 deploy/chart/local-path-provisioner/values.yaml (tolerations: [])",
    pods: [
      {
        pod: "local-path-provisioner",
        resources: ["resources"],
        tolerations: { path: ["tolerations"], chartDefault: [] },
      },
    ],
  },
  "victoria-metrics": {
    source:
      "VictoriaMetrics/helm-charts victoria-metrics-single-0.25.3 charts/victoria-metrics-single/values.yaml (server.tolerations: [])",
    pods: [
      {
        pod: "victoria-metrics-server",
        resources: ["server", "resources"],
        tolerations: { path: ["server", "tolerations"], chartDefault: [] },
      },
    ],
  },
  "tailscale-operator": {
    source:
      "tailscale v1.88.4 cmd/k8s-operator/deploy/chart/values.yaml (operatorConfig.tolerations: [])",
    pods: [
      {
        pod: "tailscale-operator",
        resources: ["operatorConfig", "resources"],
        tolerations: { path: ["operatorConfig", "tolerations"], chartDefault: [] },
      },
    ],
  },
  tinkerbell: {
    source: "tinkerbell v0.21.0 helm/tinkerbell/values.yaml (deployment.tolerations: [])",
    pods: [
      {
        pod: "tinkerbell",
        resources: ["deployment", "resources"],
        tolerations: { path: ["deployment", "tolerations"], chartDefault: [] },
      },
      {
        // nginx requests 64Mi in the template; its download-hook sidecar requests nothing.
        pod: "hookos",
        resources: [],
        fixedMemory: { quantity: "64Mi", template: "templates/hookos/deployment.yaml" },
        when: ["optional", "hookos", "enabled"],
        tolerations: { path: ["optional", "hookos", "tolerations"], chartDefault: [] },
      },
      {
        // No resources in the template: enabled, it would count as nothing.
        pod: "kube-vip",
        resources: ["optional", "kubevip", "resources"],
        perNode: true,
        when: ["optional", "kubevip", "enabled"],
        tolerations: { path: ["optional", "kubevip", "tolerations"], chartDefault: [] },
      },
    ],
  },
};
