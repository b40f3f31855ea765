import type { IncomingMessage, ServerResponse } from "node:http";
import type { KubeApiDouble } from "./api-server";

export type SandboxSecret = {
  apiVersion: "v1";
  kind: "Secret";
  type?: string;
  metadata: {
    name: string;
    namespace: string;
    creationTimestamp: string;
    labels?: Record<string, string>;
  };
  data: Record<string, string>;
};

const base = "/api/v1/namespaces/kube-system/secrets";

function send(response: ServerResponse, code: number, body: unknown): void {
  response.writeHead(code, { "Content-Type": "application/json" });
  response.end(JSON.stringify(body));
}

const failure = (code: number, reason: string, message: string) => ({
  kind: "Status",
  apiVersion: "v1",
  metadata: {},
  status: "Failure",
  reason,
  message,
  code,
});

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

function textMap(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}

/**
 * Secrets in kube-system, as far as the console's Role reaches: `create` (stringData folded into
 * base64 data, as the API server does) and, for tests, get and list. Other namespaces are 403.
 */
export function addSecretsPart(api: KubeApiDouble): { secrets: Map<string, SandboxSecret> } {
  const secrets = new Map<string, SandboxSecret>();
  api.route(async (request, response, url) => {
    if (!/^\/api\/v1\/namespaces\/[^/]+\/secrets(\/|$)/.test(url.pathname)) return false;
    if (!url.pathname.startsWith(base)) {
      send(response, 403, failure(403, "Forbidden", "secrets are forbidden outside kube-system"));
      return true;
    }
    const name = url.pathname.slice(base.length + 1);
    if (request.method === "GET") {
      const found = name ? secrets.get(name) : undefined;
      if (!name)
        send(response, 200, {
          kind: "SecretList",
          apiVersion: "v1",
          metadata: {},
          items: [...secrets.values()],
        });
      else if (found) send(response, 200, found);
      else send(response, 404, failure(404, "NotFound", `secrets "${name}" not found`));
      return true;
    }
    if (request.method !== "POST" || name) {
      send(response, 403, failure(403, "Forbidden", "the console may only create secrets"));
      return true;
    }
    const body = await readBody(request);
    const record = typeof body === "object" && body !== null ? body : {};
    const metadata = "metadata" in record ? textMap(record.metadata) : {};
    const secretName = metadata.name ?? "";
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(secretName)) {
      send(response, 422, failure(422, "Invalid", "metadata.name is not a valid name"));
      return true;
    }
    if (secrets.has(secretName)) {
      send(response, 409, failure(409, "AlreadyExists", `secrets "${secretName}" already exists`));
      return true;
    }
    const data = { ...("data" in record ? textMap(record.data) : {}) };
    for (const [key, value] of Object.entries(
      "stringData" in record ? textMap(record.stringData) : {},
    )) {
      data[key] = Buffer.from(value, "utf8").toString("base64");
    }
    const labels =
      "metadata" in record &&
      typeof record.metadata === "object" &&
      record.metadata !== null &&
      "labels" in record.metadata
        ? textMap(record.metadata.labels)
        : undefined;
    const secret: SandboxSecret = {
      apiVersion: "v1",
      kind: "Secret",
      ...("type" in record && typeof record.type === "string" ? { type: record.type } : {}),
      metadata: {
        name: secretName,
        namespace: "kube-system",
        creationTimestamp: new Date().toISOString(),
        ...(labels ? { labels } : {}),
      },
      data,
    };
    secrets.set(secretName, secret);
    send(response, 201, secret);
    return true;
  });
  return { secrets };
}
