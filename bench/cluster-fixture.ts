import { startKubeApiDouble, type KubeApiDouble } from "../e2e/sandbox/api-server";

const actions = ["stream-image", "write-netplan", "install-k3s-agent", "kexec"];

/** The sandbox API server with `count` Hardware, finished Workflows and Ready Nodes. */
export async function startScaledCluster(count: number): Promise<KubeApiDouble> {
  const api = await startKubeApiDouble();
  const start = Date.now() - count * 60_000;
  for (let i = 0; i < count; i++) {
    const name = `rack${Math.floor(i / 40) + 1}-node${(i % 40) + 1}`;
    const at = (offset: number) => new Date(start + i * 60_000 + offset * 1000).toISOString();
    api.store.upsert("hardware", {
      metadata: { name, namespace: "tinkerbell" },
      spec: {
        interfaces: [
          {
            dhcp: {
              mac: `02:00:00:00:${(i >> 8).toString(16).padStart(2, "0")}:${(i & 255).toString(16).padStart(2, "0")}`,
              hostname: name,
              arch: "x86_64",
            },
          },
        ],
        metadata: { instance: { hostname: name } },
      },
    });
    api.store.upsert("workflows", {
      metadata: { name: `${name}-1`, namespace: "tinkerbell" },
      spec: { templateRef: "ubuntu-noble", hardwareRef: name },
      status: {
        state: "SUCCESS",
        tasks: [
          {
            name: "os-installation",
            worker: name,
            actions: actions.map((action, k) => ({
              name: action,
              state: "SUCCESS",
              executionStart: at(k * 30),
              executionStop: at(k * 30 + 25),
              executionDuration: "25s",
            })),
          },
        ],
      },
    });
    api.store.upsert("nodes", {
      metadata: { name, labels: { "kubernetes.io/arch": "amd64" } },
      status: {
        conditions: [
          {
            type: "Ready",
            status: "True",
            reason: "KubeletReady",
            message: "kubelet is posting ready status",
            lastTransitionTime: at(150),
          },
        ],
        capacity: { cpu: "16", memory: "65843200Ki" },
        nodeInfo: {
          kubeletVersion: "v1.33.4+k3s1",
          architecture: "amd64",
          operatingSystem: "linux",
          osImage: "Ubuntu 24.04.3 LTS",
          kernelVersion: "6.8.0",
          containerRuntimeVersion: "containerd://2.0.5",
          machineID: name,
          systemUUID: name,
          bootID: name,
          kubeProxyVersion: "",
        },
      },
    });
  }
  api.store.upsert("kustomizations", {
    metadata: { name: "tinkerbell", namespace: "flux-system" },
    status: {
      lastAppliedRevision: `main@sha1:${"a".repeat(40)}`,
      conditions: [
        { type: "Ready", status: "True", reason: "ReconciliationSucceeded", message: "Applied" },
      ],
    },
  });
  return api;
}
