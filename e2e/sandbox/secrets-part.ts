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

type Verb = "create" | "update" | "delete" | "read";

/*
 * What the console's Roles allow, per namespace: join tokens are created in kube-system; claim
 * secrets are written, replaced and deleted in tinkerbell (manifests/apps/foundry-console). The
 * double also answers get and list in kube-system, for tests; everything else is 403.
 */
const allowed: Record<string, Verb[]> = {
  "kube-system": ["create", "read"],
  tinkerbell: ["create", "update", "delete"],
};

function verbOf(method: string | undefined, name: string): Verb | undefined {
  if (method === "GET") return "read";
  if (method === "POST" && !name) return "create";
  if (method === "PUT" && name) return "update";
  if (method === "DELETE" && name) return "delete";
  return undefined;
}

function secretFrom(body: unknown, namespace: string): SandboxSecret | string {
  const record = typeof body === "object" && body !== null ? body : {};
  const metadata = "metadata" in record ? textMap(record.metadata) : {};
  const secretName = metadata.name ?? "";
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(secretName))
    return "metadata.name is not a valid name";
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
  return {
    apiVersion: "v1",
    kind: "Secret",
    ...("type" in record && typeof record.type === "string" ? { type: record.type } : {}),
    metadata: {
      name: secretName,
      namespace,
      creationTimestamp: new Date().toISOString(),
      ...(labels ? { labels } : {}),
    },
    data,
  };
}

/**
 * Secrets as far as the console's Roles reach: join tokens in kube-system (`secrets`), claim
 * secrets in tinkerbell (`claimSecrets`); stringData folded into base64 data, as the API server
 * does.
 */
export function addSecretsPart(api: KubeApiDouble): {
  secrets: Map<string, SandboxSecret>;
  claimSecrets: Map<string, SandboxSecret>;
} {
  const secrets = new Map<string, SandboxSecret>();
  const claimSecrets = new Map<string, SandboxSecret>();
  const byNamespace: Record<string, Map<string, SandboxSecret>> = {
    "kube-system": secrets,
    tinkerbell: claimSecrets,
  };
  api.route(async (request, response, url) => {
    const path = /^\/api\/v1\/namespaces\/([^/]+)\/secrets(?:\/([^/]+))?$/.exec(url.pathname);
    if (!path) return false;
    const namespace = path[1] ?? "";
    const name = path[2] ?? "";
    const store = byNamespace[namespace];
    const verb = verbOf(request.method, name);
    if (!store || !verb || !(allowed[namespace] ?? []).includes(verb)) {
      send(
        response,
        403,
        failure(403, "Forbidden", `the console may not ${request.method} secrets in ${namespace}`),
      );
      return true;
    }
    if (verb === "read") {
      const found = name ? store.get(name) : undefined;
      if (!name)
        send(response, 200, {
          kind: "SecretList",
          apiVersion: "v1",
          metadata: {},
          items: [...store.values()],
        });
      else if (found) send(response, 200, found);
      else send(response, 404, failure(404, "NotFound", `secrets "${name}" not found`));
      return true;
    }
    if (verb === "delete") {
      if (!store.delete(name))
        send(response, 404, failure(404, "NotFound", `secrets "${name}" not found`));
      else
        send(response, 200, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success" });
      return true;
    }
    const secret = secretFrom(await readBody(request), namespace);
    if (typeof secret === "string") {
      send(response, 422, failure(422, "Invalid", secret));
      return true;
    }
    const exists = store.has(secret.metadata.name);
    if (verb === "create" && exists) {
      send(
        response,
        409,
        failure(409, "AlreadyExists", `secrets "${secret.metadata.name}" already exists`),
      );
      return true;
    }
    if (verb === "update" && (!exists || secret.metadata.name !== name)) {
      send(response, 404, failure(404, "NotFound", `secrets "${name}" not found`));
      return true;
    }
    store.set(secret.metadata.name, secret);
    send(response, verb === "create" ? 201 : 200, secret);
    return true;
  });
  return { secrets, claimSecrets };
}
