import { randomUUID } from "node:crypto";
import { parse } from "yaml";
import type { KubeObject, ObjectStore } from "./object-store";
import { sandboxK3sVersion } from "./k3s-release";

type Action = {
  id: string;
  name: string;
  state: string;
  executionStart?: string;
  executionStop?: string;
  executionDuration?: string;
  message?: string;
};
/** The status shape the real Workflow CRD requires: the real API server refuses tasks without ids and agentID. */
type Task = { id: string; name: string; agentID: string; actions: Action[] };

const fallbackActions = ["stream-image", "write-netplan", "install-k3s-agent", "kexec"];

function tasksFromTemplate(store: ObjectStore, workflow: KubeObject): Task[] {
  const templateName = String(workflow.spec?.templateRef ?? "");
  const template = store.get("templates", templateName, workflow.metadata.namespace);
  const hardwareName = String(workflow.spec?.hardwareRef ?? "");
  const hardware = store.get("hardware", hardwareName, workflow.metadata.namespace);
  const interfaces = (hardware?.spec as { interfaces?: { dhcp?: { mac?: string } }[] } | undefined)
    ?.interfaces;
  const agentID = interfaces?.[0]?.dhcp?.mac ?? hardwareName;
  const action = (name: string): Action => ({ id: randomUUID(), name, state: "PENDING" });
  try {
    const data: unknown = parse(String(template?.spec?.data ?? ""));
    const tasks = (data as { tasks?: { name?: string; actions?: { name?: string }[] }[] } | null)
      ?.tasks;
    if (Array.isArray(tasks) && tasks.length > 0) {
      return tasks.map((task) => ({
        id: randomUUID(),
        name: task.name ?? "os-installation",
        agentID,
        actions: (task.actions ?? []).map((item) => action(item.name ?? "action")),
      }));
    }
  } catch {
    // a template the sandbox cannot read runs the usual four actions
  }
  return [
    { id: randomUUID(), name: "os-installation", agentID, actions: fallbackActions.map(action) },
  ];
}

function goDuration(ms: number): string {
  return `${(ms / 1000).toFixed(3).replace(/\.?0+$/, "")}s`;
}

/**
 * Tinkerbell's part: a new Workflow is rendered from its Template (PENDING); once its machine
 * boots (or, in demo mode, by itself) it runs one action per step, then the server joins as a
 * Node that turns Ready.
 */
export function tinkerbellPart(store: ObjectStore, options: { stepMs: number; demo: boolean }) {
  const running = new Map<string, NodeJS.Timeout>();

  const statusOf = (workflow: KubeObject) =>
    workflow.status as { state?: string; tasks?: Task[] } | undefined;

  const joinNode = (workflow: KubeObject) => {
    const hardware = store.get(
      "hardware",
      String(workflow.spec?.hardwareRef ?? ""),
      workflow.metadata.namespace,
    );
    const spec = hardware?.spec as
      | {
          metadata?: { instance?: { hostname?: string } };
          interfaces?: { dhcp?: { arch?: string; hostname?: string } }[];
        }
      | undefined;
    const name =
      spec?.metadata?.instance?.hostname ??
      spec?.interfaces?.[0]?.dhcp?.hostname ??
      String(workflow.spec?.hardwareRef ?? workflow.metadata.name);
    const arch = spec?.interfaces?.[0]?.dhcp?.arch === "aarch64" ? "arm64" : "amd64";
    const node = (ready: boolean): KubeObject => ({
      metadata: {
        name,
        labels: {
          "kubernetes.io/hostname": name,
          "kubernetes.io/arch": arch,
          "kubernetes.io/os": "linux",
        },
      },
      status: {
        conditions: [
          {
            type: "Ready",
            status: ready ? "True" : "False",
            reason: ready ? "KubeletReady" : "KubeletNotReady",
            message: ready
              ? "kubelet is posting ready status"
              : "container runtime network not ready",
            lastTransitionTime: new Date().toISOString(),
            lastHeartbeatTime: new Date().toISOString(),
          },
        ],
        capacity: { cpu: "8", memory: "32658948Ki", pods: "110" },
        nodeInfo: {
          kubeletVersion: sandboxK3sVersion,
          architecture: arch,
          operatingSystem: "linux",
          osImage: "Ubuntu 24.04.3 LTS",
          kernelVersion: "6.8.0-79-generic",
          containerRuntimeVersion: "containerd://2.0.5-k3s2",
          machineID: name,
          systemUUID: name,
          bootID: name,
          kubeProxyVersion: "",
        },
        addresses: [{ type: "Hostname", address: name }],
      },
    });
    store.upsert("nodes", node(false));
    setTimeout(() => store.upsert("nodes", node(true)), options.stepMs).unref();
  };

  const step = (key: { name: string; namespace?: string }) => {
    const workflow = store.get("workflows", key.name, key.namespace);
    const status = workflow && statusOf(workflow);
    if (!workflow || !status?.tasks) return;
    const now = new Date();
    const tasks: Task[] = structuredClone(status.tasks);
    const actions = tasks.flatMap((task) => task.actions);
    const current = actions.find((action) => action.state === "RUNNING");
    if (current) {
      current.state = "SUCCESS";
      current.executionStop = now.toISOString();
      current.executionDuration = goDuration(
        now.getTime() - Date.parse(current.executionStart ?? now.toISOString()),
      );
    }
    const next = actions.find((action) => action.state === "PENDING");
    if (next) {
      next.state = "RUNNING";
      next.executionStart = now.toISOString();
      store.upsert("workflows", {
        ...workflow,
        status: {
          ...status,
          state: "RUNNING",
          tasks,
          currentState: { actionName: next.name, taskName: tasks[0]?.name, state: "RUNNING" },
        },
      });
      running.set(
        `${key.namespace}/${key.name}`,
        setTimeout(() => step(key), options.stepMs),
      );
      return;
    }
    store.upsert("workflows", {
      ...workflow,
      status: {
        ...status,
        state: "SUCCESS",
        tasks,
        currentState: { actionName: current?.name, taskName: tasks[0]?.name, state: "SUCCESS" },
        conditions: [
          {
            type: "Complete",
            status: "True",
            reason: "Succeeded",
            message: "all actions succeeded",
            time: now.toISOString(),
          },
        ],
      },
    });
    running.delete(`${key.namespace}/${key.name}`);
    setTimeout(() => joinNode(workflow), options.stepMs).unref();
  };

  const start = (workflow: KubeObject) => {
    const id = `${workflow.metadata.namespace}/${workflow.metadata.name}`;
    if (running.has(id) || statusOf(workflow)?.state !== "PENDING") return false;
    running.set(
      id,
      setTimeout(() => step(workflow.metadata), 10),
    );
    return true;
  };

  return {
    /** A Workflow from Git: kept with its status, or rendered from its Template when new. */
    applyWorkflow(object: KubeObject): void {
      const existing = store.get("workflows", object.metadata.name, object.metadata.namespace);
      if (existing?.status) {
        if (JSON.stringify(existing.spec) !== JSON.stringify(object.spec))
          store.upsert("workflows", { ...object, status: existing.status });
        return;
      }
      const created = store.upsert("workflows", {
        ...object,
        status: { state: "PENDING", globalTimeout: 7200, tasks: tasksFromTemplate(store, object) },
      });
      if (options.demo) setTimeout(() => start(created), options.stepMs).unref();
    },
    /** The machine behind `hardware` booted the install environment: its Workflow runs. */
    boot(hardware: string): boolean {
      const pending = store
        .list("workflows")
        .filter(
          (workflow) =>
            workflow.spec?.hardwareRef === hardware && statusOf(workflow)?.state === "PENDING",
        );
      return pending.map(start).some(Boolean);
    },
    stop(): void {
      for (const timer of running.values()) clearTimeout(timer);
    },
  };
}
