import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type TailscaleRequest = {
  method: string;
  path: string;
  authorization: string | undefined;
  body: string;
};

export type MintedKey = {
  id: string;
  key: string;
  tailnet: string;
  expirySeconds: number;
  capabilities: unknown;
  description: string | undefined;
};

export type TailscaleApiDouble = {
  url: string;
  requests: TailscaleRequest[];
  keys: Map<string, MintedKey>;
  deleted: string[];
  /** Makes the keys endpoint answer this status until set back to undefined. */
  failKeysWith: number | undefined;
  close(): Promise<void>;
};

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "Content-Type": "application/json" });
  response.end(JSON.stringify(body));
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

function objectAt(value: unknown, ...keys: string[]): Record<string, unknown> | undefined {
  let current = value;
  for (const key of keys) {
    if (typeof current !== "object" || current === null || !(key in current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === "object" && current !== null
    ? (current as Record<string, unknown>)
    : undefined;
}

/**
 * Tailscale's API on loopback, as far as first-boot enrollment uses it: the OAuth
 * client-credentials token endpoint and creating/deleting auth keys. It checks the bearer (an
 * issued access token or the API key) and that OAuth keys are tagged, and records every request.
 */
export async function startTailscaleApiDouble(options: {
  clientId: string;
  clientSecret: string;
  apiKey?: string;
}): Promise<TailscaleApiDouble> {
  const accessTokens = new Set<string>();
  const double: Omit<TailscaleApiDouble, "url" | "close"> = {
    requests: [],
    keys: new Map(),
    deleted: [],
    failKeysWith: undefined,
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://tailscale");
    const body = await readText(request);
    const authorization = request.headers.authorization;
    double.requests.push({ method: request.method ?? "", path: url.pathname, authorization, body });
    if (request.method === "POST" && url.pathname === "/api/v2/oauth/token") {
      const form = new URLSearchParams(body);
      if (
        form.get("grant_type") !== "client_credentials" ||
        form.get("client_id") !== options.clientId ||
        form.get("client_secret") !== options.clientSecret
      ) {
        return json(response, 401, { message: "invalid client credentials" });
      }
      const token = `tskey-api-oauth-${randomBytes(12).toString("hex")}`;
      accessTokens.add(token);
      return json(response, 200, {
        access_token: token,
        token_type: "Bearer",
        expires_in: 3600,
        scope: "auth_keys",
      });
    }
    const match = /^\/api\/v2\/tailnet\/([^/]+)\/keys(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return json(response, 404, { message: "not found" });
    const bearer = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
    const viaOauth = bearer !== undefined && accessTokens.has(bearer);
    if (!viaOauth && (options.apiKey === undefined || bearer !== options.apiKey)) {
      return json(response, 401, { message: "API token invalid" });
    }
    const tailnet = decodeURIComponent(match[1] ?? "");
    if (request.method === "DELETE" && match[2]) {
      double.deleted.push(decodeURIComponent(match[2]));
      response.writeHead(200);
      return response.end();
    }
    if (request.method !== "POST" || match[2])
      return json(response, 405, { message: "method not allowed" });
    if (double.failKeysWith !== undefined)
      return json(response, double.failKeysWith, { message: "the double was told to fail" });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return json(response, 400, { message: "invalid JSON" });
    }
    const create = objectAt(parsed, "capabilities", "devices", "create");
    if (!create) return json(response, 400, { message: "capabilities.devices.create is required" });
    const tags = Array.isArray(create.tags) ? create.tags : [];
    if (viaOauth && tags.length === 0)
      return json(response, 400, { message: "keys made by an OAuth client must be tagged" });
    const top = objectAt({ top: parsed }, "top");
    const expirySeconds = typeof top?.expirySeconds === "number" ? top.expirySeconds : 90 * 86400;
    const description = top?.description;
    const id = `k${randomBytes(6).toString("hex")}CNTRL`;
    const key = `tskey-auth-${id}-${randomBytes(16).toString("hex")}`;
    const created = new Date();
    double.keys.set(id, {
      id,
      key,
      tailnet,
      expirySeconds,
      capabilities: objectAt(parsed, "capabilities"),
      description: typeof description === "string" ? description : undefined,
    });
    return json(response, 200, {
      id,
      key,
      created: created.toISOString(),
      expires: new Date(created.getTime() + expirySeconds * 1000).toISOString(),
      capabilities: objectAt(parsed, "capabilities"),
    });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => json(response, 500, { message: "double failed" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(double, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
