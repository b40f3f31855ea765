import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { parse } from "yaml";
import { resolveReferences, type Reference } from "./hardware-references";
import type { KubeList, KubeMeta, KubeRest } from "./kube-rest";
import { pinnedK3sVersion } from "@/e2e/support/pinned-k3s-version";
import { renderTemplate } from "@/tests/support/tink-render";

/**
 * STAND-IN for Tinkerbell v0.21.0, whose Go module the module proxy here refuses, and for what no
 * machine can do on loopback (an agent running container actions, a kubelet). It writes only what
 * those parts write, on the real API server:
 * - the Tink controller: a new Workflow's Template is rendered for its hardwareMap, Hardware and
 *   the Hardware's references the platform's allow rule admits (hardware-references.ts), with
 *   the template engine and libraries v0.21.0 uses (tests/support/tink-render); a Template that
 *   does not render is marked as v0.21.0 marks it (templateRendering "failed", the reason on the
 *   TemplateRenderedSuccess condition); otherwise the rendered tasks (`STATE_PENDING`) and,
 *   with `bootOptions.toggleAllowNetboot`, `allowPXE: true` on every interface of its Hardware
 *   (an Update, as the controller's client makes), once; after success `allowPXE: false`, once;
 * - Smee's HTTP side: `GET /<mac>/auto.ipxe` (v0.21.0's path) answers the script for a MAC whose
 *   Hardware allows PXE, and 404 with an empty body otherwise;
 * - the agent: `POST /agent/<namespace>/<hardware>/boot` (a machine booted HookOS) runs the
 *   pending Workflow's actions one a step; `POST /agent/<namespace>/<hardware>/fail` fails it;
 * - the kubelet: after success, a Node named after the Hardware's hostname that turns Ready;
 * - the artifacts file server HookOS would be fetched from: it has no files, it records requests.
 * Both HTTP servers (on loopback) answer `GET /_requests` with what they were asked, for tests.
 */
type Interface = {
  dhcp?: { mac?: string; hostname?: string; arch?: string };
  netboot?: { allowPXE?: boolean };
};
type Hardware = {
  metadata: KubeMeta;
  spec: {
    interfaces?: Interface[];
    metadata?: { instance?: { hostname?: string } };
    references?: Record<string, Reference>;
  };
};
type Action = {
  id: string;
  name: string;
  image?: string;
  state: string;
  executionStart?: string;
  executionStop?: string;
  executionDuration?: string;
};
/** The status shape of v0.21.0's CRD: ids and the agent are required, as the API server checks. */
type Task = { id: string; name: string; agentID: string; actions: Action[] };
type Workflow = {
  metadata: KubeMeta;
  spec: {
    templateRef?: string;
    hardwareRef?: string;
    hardwareMap?: Record<string, string>;
    bootOptions?: { toggleAllowNetboot?: boolean };
  };
  status?: {
    state?: string;
    templateRendering?: string;
    conditions?: {
      type: string;
      status: string;
      reason?: string;
      message?: string;
      time?: string;
    }[];
    tasks?: Task[];
    bootOptions?: { allowNetboot?: { toggledTrue?: boolean; toggledFalse?: boolean } };
  };
};
type Template = { spec?: { data?: string } };

const tink = "/apis/tinkerbell.org/v1alpha1";
const asController = "?fieldManager=tink-controller";

export type RecordedRequest = { path: string; status: number; from: string; at: string };

export function startTinkerbellStandIn(
  api: KubeRest,
  options: { port: number; artifactsPort: number; artifactsUrl: string; stepMs: number },
) {
  const log = (line: string) => console.log(`tinkerbell stand-in: ${line}`);
  const running = new Set<string>();
  const smeeRequests: RecordedRequest[] = [];
  const artifactRequests: RecordedRequest[] = [];

  const hardwareOf = (workflow: Workflow) =>
    api.get<Hardware>(
      `${tink}/namespaces/${workflow.metadata.namespace}/hardware/${workflow.spec.hardwareRef}`,
    );

  const setAllowPXE = async (hardware: Hardware, allowPXE: boolean) => {
    const interfaces = (hardware.spec.interfaces ?? []).map((nic) => ({
      ...nic,
      netboot: { ...nic.netboot, allowPXE },
    }));
    const { namespace, name } = hardware.metadata;
    await api.patch(`${tink}/namespaces/${namespace}/hardware/${name}${asController}`, {
      spec: { interfaces },
    });
    log(`${namespace}/${name}: allowPXE ${allowPXE}`);
  };

  const patchStatus = (workflow: Workflow, status: NonNullable<Workflow["status"]>) =>
    api.patch(
      `${tink}/namespaces/${workflow.metadata.namespace}/workflows/${workflow.metadata.name}/status${asController}`,
      {
        status,
      },
    );

  type Rendered = { tasks: Task[] } | { failure: string };
  const tasksOf = async (workflow: Workflow, hardware: Hardware | undefined): Promise<Rendered> => {
    const template = await api.get<Template>(
      `${tink}/namespaces/${workflow.metadata.namespace}/templates/${workflow.spec.templateRef}`,
    );
    let text: string;
    try {
      const references = hardware
        ? await resolveReferences(
            api,
            { name: hardware.metadata.name, namespace: hardware.metadata.namespace ?? "" },
            hardware.spec.references ?? {},
          )
        : {};
      text = renderTemplate(template?.spec?.data ?? "", workflow.spec.hardwareMap ?? {}, {
        hardware,
        references,
      });
    } catch (error) {
      return { failure: error instanceof Error ? error.message : String(error) };
    }
    const data = parse(text) as {
      tasks?: { name?: string; worker?: string; actions?: { name?: string; image?: string }[] }[];
    } | null;
    return {
      tasks: (data?.tasks ?? []).map((task) => ({
        id: randomUUID(),
        name: task.name ?? "task",
        // The agent is the worker the template rendered, e.g. `worker: "{{.device_1}}"`.
        agentID: task.worker ?? "",
        actions: (task.actions ?? []).map((action) => ({
          id: randomUUID(),
          name: action.name ?? "action",
          ...(action.image ? { image: action.image } : {}),
          state: "STATE_PENDING",
        })),
      })),
    };
  };

  // One reconcile at a time: the timer and an agent's call must not both mark one Workflow pending.
  let reconciling: Promise<void> = Promise.resolve();
  const reconcile = () => (reconciling = reconciling.then(reconcileWorkflows, reconcileWorkflows));
  const reconcileWorkflows = async () => {
    const workflows = (await api.get<KubeList<Workflow>>(`${tink}/workflows`))?.items ?? [];
    for (const workflow of workflows) {
      // v0.21.0 retries a Template that did not render, so a fix to it is picked up.
      if (workflow.status?.state) continue;
      const hardware = await hardwareOf(workflow);
      const rendered = await tasksOf(workflow, hardware);
      if ("failure" in rendered) {
        const message = `error rendering template: ${rendered.failure}`;
        if (workflow.status?.conditions?.some((c) => c.message === message)) continue;
        await patchStatus(workflow, {
          templateRendering: "failed",
          conditions: [
            {
              type: "TemplateRenderedSuccess",
              status: "False",
              reason: "Error",
              message,
              time: new Date().toISOString(),
            },
          ],
        });
        log(`${workflow.metadata.namespace}/${workflow.metadata.name}: template rendering failed`);
        continue;
      }
      const toggle =
        workflow.spec.bootOptions?.toggleAllowNetboot === true && hardware !== undefined;
      if (toggle) await setAllowPXE(hardware, true);
      await patchStatus(workflow, {
        state: "STATE_PENDING",
        templateRendering: "successful",
        tasks: rendered.tasks,
        ...(toggle ? { bootOptions: { allowNetboot: { toggledTrue: true } } } : {}),
      });
      log(`${workflow.metadata.namespace}/${workflow.metadata.name}: pending`);
    }
  };

  const run = async (workflow: Workflow, outcome: "boot" | "fail") => {
    const key = `${workflow.metadata.namespace}/${workflow.metadata.name}`;
    if (running.has(key)) return;
    running.add(key);
    const tasks = structuredClone(workflow.status?.tasks ?? []);
    const step = () => new Promise((resolve) => setTimeout(resolve, options.stepMs));
    try {
      for (const action of tasks.flatMap((task) => task.actions)) {
        const start = new Date();
        action.state = "STATE_RUNNING";
        action.executionStart = start.toISOString();
        await patchStatus(workflow, { ...workflow.status, state: "STATE_RUNNING", tasks });
        await step();
        const stop = new Date();
        action.state = outcome === "fail" ? "STATE_FAILED" : "STATE_SUCCESS";
        action.executionStop = stop.toISOString();
        action.executionDuration = `${(stop.getTime() - start.getTime()) / 1000}s`;
        if (outcome === "fail") break;
      }
      const state = outcome === "fail" ? "STATE_FAILED" : "STATE_SUCCESS";
      const hardware = await hardwareOf(workflow);
      const toggled = workflow.status?.bootOptions?.allowNetboot?.toggledTrue === true;
      if (state === "STATE_SUCCESS" && toggled && hardware) await setAllowPXE(hardware, false);
      await patchStatus(workflow, {
        ...workflow.status,
        state,
        tasks,
        ...(state === "STATE_SUCCESS" && toggled
          ? { bootOptions: { allowNetboot: { toggledTrue: true, toggledFalse: true } } }
          : {}),
      });
      log(`${key}: ${state}`);
      if (state === "STATE_SUCCESS" && hardware) await joinNode(hardware);
    } finally {
      running.delete(key);
    }
  };

  // Agents install the control plane's release (the enrollment credentials carry it).
  const k3sVersion = pinnedK3sVersion();
  const joinNode = async (hardware: Hardware) => {
    const name =
      hardware.spec.metadata?.instance?.hostname ??
      hardware.spec.interfaces?.[0]?.dhcp?.hostname ??
      hardware.metadata.name;
    const arch = hardware.spec.interfaces?.[0]?.dhcp?.arch === "aarch64" ? "arm64" : "amd64";
    await api.apply(`/api/v1/nodes/${name}?fieldManager=kubelet&force=true`, {
      apiVersion: "v1",
      kind: "Node",
      metadata: {
        name,
        labels: {
          "kubernetes.io/hostname": name,
          "kubernetes.io/arch": arch,
          "kubernetes.io/os": "linux",
        },
      },
    });
    const now = new Date().toISOString();
    await api.patch(`/api/v1/nodes/${name}/status?fieldManager=kubelet`, {
      status: {
        conditions: [
          {
            type: "Ready",
            status: "True",
            reason: "KubeletReady",
            message: "kubelet is posting ready status",
            lastHeartbeatTime: now,
            lastTransitionTime: now,
          },
        ],
        nodeInfo: { architecture: arch, operatingSystem: "linux", kubeletVersion: k3sVersion },
      },
    });
    log(`node ${name} Ready`);
  };

  const hardwareForMac = async (mac: string) => {
    const wanted = mac.toLowerCase().replaceAll("-", ":");
    const all = (await api.get<KubeList<Hardware>>(`${tink}/hardware`))?.items ?? [];
    for (const hardware of all) {
      const nic = hardware.spec.interfaces?.find((i) => i.dhcp?.mac?.toLowerCase() === wanted);
      if (nic) return { hardware, nic };
    }
    return undefined;
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    if (url.pathname === "/_requests") return listRequests(request, response, smeeRequests);
    const script = /^\/([0-9a-fA-F]{2}(?:[:-][0-9a-fA-F]{2}){5})\/auto\.ipxe$/.exec(url.pathname);
    const agent = /^\/agent\/([a-z0-9-]+)\/([a-z0-9.-]+)\/(boot|fail)$/.exec(url.pathname);
    const answer = async (): Promise<[number, string]> => {
      if (request.method === "GET" && script?.[1]) {
        const found = await hardwareForMac(script[1]);
        log(
          `iPXE script asked for ${script[1]}: ${found?.nic.netboot?.allowPXE ? "served" : "refused"}`,
        );
        if (!found?.nic.netboot?.allowPXE) return [404, ""];
        const arch = found.nic.dhcp?.arch ?? "x86_64";
        return [
          200,
          `#!ipxe\nkernel ${options.artifactsUrl}/vmlinuz-${arch} facility=onprem\ninitrd ${options.artifactsUrl}/initramfs-${arch}\nboot\n`,
        ];
      }
      if (request.method === "POST" && agent?.[1] && agent[2] && agent[3]) {
        const [, namespace, hardware, verb] = agent;
        // A booted agent keeps asking until its Workflow is ready; reconciling first stands for that wait.
        await reconcile();
        const workflows =
          (await api.get<KubeList<Workflow>>(`${tink}/namespaces/${namespace}/workflows`))?.items ??
          [];
        const pending = workflows.find(
          (w) => w.spec.hardwareRef === hardware && w.status?.state === "STATE_PENDING",
        );
        if (!pending) return [404, "no pending workflow\n"];
        void run(pending, verb === "fail" ? "fail" : "boot").catch((error: unknown) =>
          log(String(error)),
        );
        return [202, `${pending.metadata.name}\n`];
      }
      return [404, ""];
    };
    answer().then(
      ([status, body]) => {
        if (script) smeeRequests.push(recorded(request, url, status));
        response.writeHead(status, { "Content-Type": "text/plain" }).end(body);
      },
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  server.listen(options.port, "127.0.0.1");
  const artifacts: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    if (url.pathname === "/_requests") return listRequests(request, response, artifactRequests);
    artifactRequests.push(recorded(request, url, 404));
    log(`artifact asked for: ${url.pathname}`);
    response.writeHead(404).end();
  });
  artifacts.listen(options.artifactsPort, "127.0.0.1");
  const timer = setInterval(() => void reconcile().catch((e: unknown) => log(String(e))), 500);
  return {
    close: () => {
      clearInterval(timer);
      server.close();
      artifacts.close();
    },
  };
}

function recorded(request: IncomingMessage, url: URL, status: number): RecordedRequest {
  return {
    path: url.pathname,
    status,
    from: request.socket.remoteAddress ?? "",
    at: new Date().toISOString(),
  };
}

function listRequests(
  _request: IncomingMessage,
  response: ServerResponse,
  requests: RecordedRequest[],
): void {
  response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(requests));
}
