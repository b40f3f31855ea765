import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { KubeList, KubeMeta, KubeRest } from "./kube-rest";

/**
 * STAND-IN for Flux's notification-controller, whose Go module the module proxy here refuses.
 * The events are real (the real source- and kustomize-controller post them to `--events-addr`);
 * this only does what notification-controller does with them for the objects in our tree:
 * match v1beta3 Alerts, sign the event for a `generic-hmac` Provider (`X-Signature: sha256=…`)
 * and post it; serve v1 Receivers of type github at `/hook/<sha256(token+name+namespace)>`,
 * checking `X-Hub-Signature-256`, and ask their resources to reconcile.
 */
type FluxEvent = {
  involvedObject: { kind: string; name: string; namespace?: string };
  severity: string;
  message: string;
  metadata?: Record<string, string>;
};
type Alert = {
  metadata: KubeMeta;
  spec: {
    providerRef: { name: string };
    eventSeverity?: string;
    eventSources: { kind: string; name: string; namespace?: string }[];
    inclusionList?: string[];
    exclusionList?: string[];
    eventMetadata?: Record<string, string>;
    suspend?: boolean;
  };
};
type Provider = {
  metadata: KubeMeta;
  spec: { type: string; address?: string; secretRef?: { name: string }; suspend?: boolean };
};
type Receiver = {
  metadata: KubeMeta;
  spec: {
    type: string;
    events?: string[];
    secretRef: { name: string };
    resources: { apiVersion?: string; kind: string; name: string; namespace?: string }[];
  };
  status?: { webhookPath?: string };
};
type Secret = { data?: Record<string, string> };

const notification = "/apis/notification.toolkit.fluxcd.io";

export function startNotificationStandIn(
  api: KubeRest,
  ports: { events: number; receiver: number },
) {
  const log = (line: string) => console.log(`notification stand-in: ${line}`);
  const secretToken = async (namespace: string, name: string) => {
    const secret = await api.get<Secret>(`/api/v1/namespaces/${namespace}/secrets/${name}`);
    const token = secret?.data?.token;
    return token ? Buffer.from(token, "base64").toString("utf8") : undefined;
  };

  const matches = (alert: Alert, event: FluxEvent) => {
    if (alert.spec.suspend) return false;
    if ((alert.spec.eventSeverity ?? "info") === "error" && event.severity !== "error")
      return false;
    const source = alert.spec.eventSources.find(
      (s) =>
        s.kind === event.involvedObject.kind &&
        (s.name === "*" || s.name === event.involvedObject.name) &&
        (s.namespace ?? alert.metadata.namespace) === event.involvedObject.namespace,
    );
    if (!source) return false;
    const inclusions = alert.spec.inclusionList ?? [];
    const included =
      inclusions.length === 0 || inclusions.some((p) => new RegExp(p).test(event.message));
    const excluded = (alert.spec.exclusionList ?? []).some((p) =>
      new RegExp(p).test(event.message),
    );
    return included && !excluded;
  };

  const forward = async (event: FluxEvent) => {
    const namespace = event.involvedObject.namespace ?? "";
    const alerts = await api.get<KubeList<Alert>>(
      `${notification}/v1beta3/namespaces/${namespace}/alerts`,
    );
    for (const alert of alerts?.items ?? []) {
      if (!matches(alert, event)) continue;
      const provider = await api.get<Provider>(
        `${notification}/v1beta3/namespaces/${namespace}/providers/${alert.spec.providerRef.name}`,
      );
      if (
        !provider ||
        provider.spec.suspend ||
        provider.spec.type !== "generic-hmac" ||
        !provider.spec.address
      )
        continue;
      const key =
        provider.spec.secretRef && (await secretToken(namespace, provider.spec.secretRef.name));
      if (!key) {
        log(`provider ${provider.metadata.name} has no token`);
        continue;
      }
      const body = JSON.stringify({
        ...event,
        metadata: { ...event.metadata, ...alert.spec.eventMetadata },
      });
      const signature = `sha256=${createHmac("sha256", key).update(body).digest("hex")}`;
      await post(provider.spec.address, body, signature).catch((error: unknown) =>
        log(`posting to ${provider.spec.address} failed: ${String(error)}`),
      );
    }
  };

  // notification-controller retries a failed delivery a few times with backoff.
  const post = async (address: string, body: string, signature: string) => {
    for (let attempt = 1; ; attempt += 1) {
      const answer = await fetch(address, {
        method: "POST",
        body,
        headers: { "Content-Type": "application/json", "X-Signature": signature },
      }).catch((error: unknown) => error);
      if (answer instanceof Response && answer.status < 500) return;
      if (attempt === 4)
        throw answer instanceof Response ? new Error(`HTTP ${answer.status}`) : answer;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  };

  const receivers = async () =>
    (await api.get<KubeList<Receiver>>(`${notification}/v1/receivers`))?.items ?? [];

  // The real controller writes the path and Ready on each Receiver; the Git server reads the path
  // as GitHub's webhook would be configured with it.
  const publishPaths = async () => {
    for (const receiver of await receivers()) {
      const { name, namespace = "" } = receiver.metadata;
      const token = await secretToken(namespace, receiver.spec.secretRef.name);
      if (!token) continue;
      const webhookPath = `/hook/${createHash("sha256")
        .update(token + name + namespace)
        .digest("hex")}`;
      if (receiver.status?.webhookPath === webhookPath) continue;
      await api.patch(`${notification}/v1/namespaces/${namespace}/receivers/${name}/status`, {
        status: {
          webhookPath,
          observedGeneration: receiver.metadata.generation,
          conditions: [
            {
              type: "Ready",
              status: "True",
              reason: "Succeeded",
              message: `Receiver initialized for path: ${webhookPath}`,
              lastTransitionTime: new Date().toISOString(),
              observedGeneration: receiver.metadata.generation,
            },
          ],
        },
      });
      log(`receiver ${namespace}/${name} at ${webhookPath}`);
    }
  };

  const receive = async (request: IncomingMessage, body: Buffer): Promise<number> => {
    const receiver = (await receivers()).find((r) => r.status?.webhookPath === request.url);
    if (!receiver || receiver.spec.type !== "github") return 404;
    const { namespace = "" } = receiver.metadata;
    const token = await secretToken(namespace, receiver.spec.secretRef.name);
    const given = Buffer.from(String(request.headers["x-hub-signature-256"] ?? ""));
    const expected = Buffer.from(
      `sha256=${createHmac("sha256", token ?? "")
        .update(body)
        .digest("hex")}`,
    );
    if (!token || given.length !== expected.length || !timingSafeEqual(given, expected)) return 401;
    const event = String(request.headers["x-github-event"] ?? "");
    if (event === "ping") return 200;
    if (receiver.spec.events?.length && !receiver.spec.events.includes(event)) return 400;
    const requestedAt = new Date().toISOString();
    for (const resource of receiver.spec.resources) {
      const [group, version] = (resource.apiVersion ?? "source.toolkit.fluxcd.io/v1").split("/");
      const kind = resource.kind.toLowerCase();
      const plural = kind.endsWith("y") ? `${kind.slice(0, -1)}ies` : `${kind}s`;
      await api.patch(
        `/apis/${group}/${version}/namespaces/${resource.namespace ?? namespace}/${plural}/${resource.name}`,
        { metadata: { annotations: { "reconcile.fluxcd.io/requestedAt": requestedAt } } },
      );
    }
    log(
      `${event} event: reconcile requested for ${receiver.spec.resources.map((r) => r.name).join(", ")}`,
    );
    return 200;
  };

  const events = serve(ports.events, log, async (_request, body) => {
    void forward(JSON.parse(body.toString("utf8")) as FluxEvent).catch((error: unknown) =>
      log(`event not forwarded: ${String(error)}`),
    );
    return 202;
  });
  const hooks = serve(ports.receiver, log, receive);
  const timer = setInterval(() => void publishPaths().catch((e: unknown) => log(String(e))), 1_000);
  return {
    close: () => {
      clearInterval(timer);
      events.close();
      hooks.close();
    },
  };
}

function serve(
  port: number,
  log: (line: string) => void,
  handle: (request: IncomingMessage, body: Buffer) => Promise<number>,
): Server {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      handle(request, Buffer.concat(chunks)).then(
        (status) => response.writeHead(status).end(),
        (error: unknown) => {
          log(`${request.method ?? "?"} ${request.url ?? "?"}: ${String(error)}`);
          response.writeHead(500).end();
        },
      );
    });
  });
  server.listen(port, "127.0.0.1");
  return server;
}
