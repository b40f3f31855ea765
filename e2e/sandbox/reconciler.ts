import { createHmac } from "node:crypto";
import type { KindKey } from "../../lib/k8s/kinds";
import type { KubeApiDouble } from "./api-server";
import { applyFluxObject, fluxKindOf, type FluxEventToSend } from "./flux-part";
import { gitReader } from "./git-reader";
import type { KubeObject } from "./object-store";
import { tinkerbellPart } from "./tinkerbell-part";
import { sandboxK3sVersion } from "./k3s-release";

export type ReconcilerOptions = {
  api: KubeApiDouble;
  repository: string;
  branch: string;
  manifestsPath: string;
  /** Where Flux's notification-controller would post, and the generic-hmac key. */
  webhook?: { url: string; secret: string };
  pollMs?: number;
  stepMs?: number;
  demo?: boolean;
};

const tinkerbellKinds: Record<string, KindKey> = {
  Hardware: "hardware",
  Template: "templates",
  Workflow: "workflows",
};
const appliedLabel = "sandbox.foundry.metal/applied";

function asKubeObject(object: Record<string, unknown>): KubeObject | undefined {
  const metadata = object.metadata;
  if (
    typeof metadata !== "object" ||
    metadata === null ||
    typeof (metadata as { name?: unknown }).name !== "string"
  )
    return undefined;
  return object as unknown as KubeObject;
}

/**
 * The sandbox's Flux and Tinkerbell: follows the branch of the GitOps repository, applies the
 * `manifests/tinkerbell` objects, reports each revision in the Flux objects' status, posts the
 * signed Flux events to the console, and runs Workflows until their servers join as Nodes.
 */
export function startReconciler(options: ReconcilerOptions) {
  const { api } = options;
  const store = api.store;
  const reader = gitReader({
    repository: options.repository,
    branch: options.branch,
    manifestsPath: options.manifestsPath,
  });
  const tinkerbell = tinkerbellPart(store, {
    stepMs: options.stepMs ?? 1_500,
    demo: options.demo ?? false,
  });
  let lastSha: string | undefined;
  let busy: Promise<void> = Promise.resolve();
  let stopped = false;

  const send = async (event: FluxEventToSend) => {
    if (!options.webhook) return;
    const body = JSON.stringify({
      involvedObject: {
        kind: event.kindName,
        namespace: event.object.metadata.namespace ?? "",
        name: event.object.metadata.name,
        uid: event.object.metadata.uid,
        apiVersion: event.object.apiVersion,
      },
      severity: event.severity ?? "info",
      timestamp: new Date().toISOString(),
      message: event.message,
      reason: event.reason,
      metadata: { revision: event.revision },
      reportingController: event.controller,
      reportingInstance: `${event.controller}-sandbox`,
    });
    const signature = createHmac("sha256", options.webhook.secret).update(body).digest("hex");
    await fetch(options.webhook.url, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/json", "X-Signature": `sha256=${signature}` },
    }).catch(() => undefined);
  };

  const reconcile = async (force: boolean) => {
    const head = await reader.head();
    if (!head || (head.sha === lastSha && !force)) return;
    lastSha = head.sha;
    const revision = `${options.branch}@sha1:${head.sha}`;
    const manifests = await reader.manifests(head.sha);
    const events: FluxEventToSend[] = [];
    const seen = new Map<KindKey, Set<string>>();
    const sorted = [...manifests].sort((a, b) => order(a.object) - order(b.object));
    for (const { object: raw } of sorted) {
      const object = asKubeObject(raw);
      if (!object) continue;
      const flux = fluxKindOf(raw);
      if (flux) {
        const event = applyFluxObject(store, flux.key, object, revision, flux.controller);
        if (event) events.push(event);
        continue;
      }
      const key = tinkerbellKinds[String(raw.kind)];
      if (!key || !String(raw.apiVersion).startsWith("tinkerbell.org/")) continue;
      const namespaced: KubeObject = {
        ...object,
        metadata: {
          ...object.metadata,
          namespace: object.metadata.namespace ?? "tinkerbell",
          labels: { ...object.metadata.labels, [appliedLabel]: "true" },
        },
      };
      (seen.get(key) ?? seen.set(key, new Set()).get(key))?.add(
        `${namespaced.metadata.namespace}/${namespaced.metadata.name}`,
      );
      if (key === "workflows") tinkerbell.applyWorkflow(namespaced);
      else if (
        JSON.stringify(
          store.get(key, namespaced.metadata.name, namespaced.metadata.namespace)?.spec,
        ) !== JSON.stringify(namespaced.spec)
      )
        store.upsert(key, namespaced);
    }
    // prune: what Flux applied from an earlier commit and the tree no longer holds
    for (const key of ["hardware", "templates", "workflows"] as const) {
      for (const object of store.list(key)) {
        if (object.metadata.labels?.[appliedLabel] !== "true") continue;
        if (!seen.get(key)?.has(`${object.metadata.namespace}/${object.metadata.name}`))
          store.remove(key, object.metadata.name, object.metadata.namespace);
      }
    }
    for (const event of events) await send(event);
  };

  const queue = (force = false) => {
    busy = busy
      .then(() => reconcile(force))
      .catch((error: unknown) => console.error("sandbox: reconcile failed", error));
    return busy;
  };

  // `flux reconcile` sets this annotation; the controllers answer with lastHandledReconcileAt.
  api.onPatch((kind, object) => {
    if (!object.metadata.annotations?.["reconcile.fluxcd.io/requestedAt"]) return;
    if (
      kind === "gitrepositories" ||
      kind === "kustomizations" ||
      kind === "helmreleases" ||
      kind === "helmrepositories" ||
      kind === "ocirepositories"
    ) {
      setTimeout(() => void queue(true), 200);
    }
  });

  api.route(async (request, response, url) => {
    const boot = /^\/sandbox\/boot\/([a-z0-9.-]+)$/.exec(url.pathname);
    if (request.method === "POST" && boot?.[1]) {
      await queue();
      const started = tinkerbell.boot(boot[1]);
      response.writeHead(started ? 202 : 409, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ started }));
      return true;
    }
    if (request.method === "GET" && url.pathname === "/sandbox/info") {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(
        JSON.stringify({
          repository: options.repository,
          branch: options.branch,
          manifestsPath: options.manifestsPath,
        }),
      );
      return true;
    }
    if (request.method === "POST" && url.pathname === "/sandbox/reconcile") {
      await queue(true);
      response.writeHead(204).end();
      return true;
    }
    return false;
  });

  seedControlPlane(api);
  const timer = setInterval(() => {
    if (!stopped) void queue();
  }, options.pollMs ?? 1_000);
  void queue();
  return {
    reconcileNow: () => queue(true),
    boot: (hardware: string) => tinkerbell.boot(hardware),
    stop() {
      stopped = true;
      clearInterval(timer);
      tinkerbell.stop();
    },
  };
}

function order(object: Record<string, unknown>): number {
  const kinds = [
    "GitRepository",
    "HelmRepository",
    "OCIRepository",
    "Kustomization",
    "HelmRelease",
    "Template",
    "Hardware",
    "Workflow",
  ];
  const index = kinds.indexOf(String(object.kind));
  return index === -1 ? kinds.length : index;
}

function seedControlPlane(api: KubeApiDouble): void {
  if (api.store.get("nodes", "foundry-cp")) return;
  api.store.upsert("nodes", {
    metadata: {
      name: "foundry-cp",
      labels: {
        "kubernetes.io/hostname": "foundry-cp",
        "kubernetes.io/arch": "arm64",
        "node-role.kubernetes.io/control-plane": "true",
        "node-role.kubernetes.io/master": "true",
      },
    },
    status: {
      conditions: [
        {
          type: "Ready",
          status: "True",
          reason: "KubeletReady",
          message: "kubelet is posting ready status",
          lastTransitionTime: new Date().toISOString(),
          lastHeartbeatTime: new Date().toISOString(),
        },
      ],
      capacity: { cpu: "4", memory: "24575940Ki", pods: "110" },
      nodeInfo: {
        kubeletVersion: sandboxK3sVersion,
        architecture: "arm64",
        operatingSystem: "linux",
        osImage: "Ubuntu 24.04.3 LTS",
        kernelVersion: "6.8.0-1028-oracle",
        containerRuntimeVersion: "containerd://2.0.5-k3s2",
        machineID: "cp",
        systemUUID: "cp",
        bootID: "cp",
        kubeProxyVersion: "",
      },
      addresses: [
        { type: "InternalIP", address: "10.0.0.10" },
        { type: "Hostname", address: "foundry-cp" },
      ],
    },
  });
}
