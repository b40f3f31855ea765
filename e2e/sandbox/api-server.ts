import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { kindInfo, kindKeys, type KindKey } from "../../lib/k8s/kinds";
import { ObjectStore, type KubeObject } from "./object-store";

export type PatchListener = (kind: KindKey, object: KubeObject) => void;

export type KubeApiDouble = {
  url: string;
  port: number;
  store: ObjectStore;
  /** Makes a kind answer 404, as when its CRD is not installed; `install` brings it back. */
  uninstall(kind: KindKey): void;
  install(kind: KindKey): void;
  /** Ends every open watch stream (clients must reconnect). */
  dropWatches(): void;
  /** Open watch streams, e.g. to wait until a client is watching. */
  openWatches(): number;
  onPatch(listener: PatchListener): void;
  /** Extra routes (the sandbox's own controls), tried before the Kubernetes API. */
  route(
    handler: (
      request: IncomingMessage,
      response: ServerResponse,
      url: URL,
    ) => Promise<boolean> | boolean,
  ): void;
  close(): Promise<void>;
};

type Route = { kind: KindKey; namespace?: string; name?: string };

function matchRoute(pathname: string): Route | undefined {
  for (const key of kindKeys) {
    const info = kindInfo[key];
    const base = info.group === "" ? `/api/${info.version}` : `/apis/${info.group}/${info.version}`;
    if (!pathname.startsWith(`${base}/`)) continue;
    const rest = pathname.slice(base.length + 1).split("/");
    if (rest[0] === info.plural)
      return rest.length === 1
        ? { kind: key }
        : rest.length === 2
          ? { kind: key, name: rest[1] }
          : undefined;
    if (rest[0] === "namespaces" && rest[2] === info.plural && rest[1]) {
      if (rest.length === 3) return { kind: key, namespace: rest[1] };
      if (rest.length === 4) return { kind: key, namespace: rest[1], name: rest[3] };
    }
  }
  return undefined;
}

function status(response: ServerResponse, code: number, reason: string, message: string): void {
  response.writeHead(code, { "Content-Type": "application/json" });
  response.end(
    JSON.stringify({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      reason,
      message,
      code,
    }),
  );
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const result: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/**
 * A Kubernetes API server double on loopback for the kinds the console watches: list, get,
 * watch (resourceVersion, bookmarks, timeoutSeconds, 410 Gone when the history is compacted)
 * and merge patch. The console reaches it through `@kubernetes/client-node` like a cluster.
 */
export async function startKubeApiDouble(
  options: { port?: number; host?: string; bookmarkMs?: number; store?: ObjectStore } = {},
): Promise<KubeApiDouble> {
  const store = options.store ?? new ObjectStore();
  const watches = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  const patchListeners: PatchListener[] = [];
  const extraRoutes: ((
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ) => Promise<boolean> | boolean)[] = [];

  const serveWatch = (
    route: Route,
    url: URL,
    request: IncomingMessage,
    response: ServerResponse,
  ) => {
    const from = Number(url.searchParams.get("resourceVersion") || "0");
    const bookmarks = url.searchParams.get("allowWatchBookmarks") === "true";
    const timeoutSeconds = Number(url.searchParams.get("timeoutSeconds") || "0");
    const matches = (object: KubeObject) =>
      route.namespace === undefined || object.metadata.namespace === route.namespace;
    response.writeHead(200, { "Content-Type": "application/json", "Transfer-Encoding": "chunked" });
    response.flushHeaders();
    const write = (type: string, object: unknown) =>
      response.write(`${JSON.stringify({ type, object })}\n`);
    if (from === 0) {
      for (const object of store.list(route.kind)) if (matches(object)) write("ADDED", object);
    } else {
      const missed = store.eventsAfter(route.kind, from);
      if (missed === "gone") {
        write("ERROR", {
          kind: "Status",
          apiVersion: "v1",
          metadata: {},
          status: "Failure",
          reason: "Expired",
          message: `too old resource version: ${from}`,
          code: 410,
        });
        response.end();
        return;
      }
      for (const event of missed) if (matches(event.object)) write(event.type, event.object);
    }
    watches.add(response);
    const unsubscribe = store.onEvent((kind, event) => {
      if (kind === route.kind && matches(event.object)) write(event.type, event.object);
    });
    const info = kindInfo[route.kind];
    const bookmark = bookmarks
      ? setInterval(
          () =>
            write("BOOKMARK", {
              kind: info.kind,
              apiVersion: info.group === "" ? info.version : `${info.group}/${info.version}`,
              metadata: { resourceVersion: String(store.rv) },
            }),
          options.bookmarkMs ?? 5_000,
        )
      : undefined;
    const timeout =
      timeoutSeconds > 0 ? setTimeout(() => response.end(), timeoutSeconds * 1000) : undefined;
    const finish = () => {
      unsubscribe();
      if (bookmark) clearInterval(bookmark);
      if (timeout) clearTimeout(timeout);
      watches.delete(response);
    };
    response.on("close", finish);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://sandbox");
    for (const extra of extraRoutes) if (await extra(request, response, url)) return;
    const route = matchRoute(url.pathname);
    if (!route)
      return status(
        response,
        404,
        "NotFound",
        `the server could not find the requested resource (${url.pathname})`,
      );
    const info = kindInfo[route.kind];
    if (!store.installed.has(route.kind))
      return status(
        response,
        404,
        "NotFound",
        `the server could not find the requested resource (${info.plural}.${info.group})`,
      );
    if (request.method === "GET" && route.name === undefined) {
      if (url.searchParams.get("watch") === "true" || url.searchParams.get("watch") === "1")
        return serveWatch(route, url, request, response);
      const items = store.list(route.kind, route.namespace);
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(
        JSON.stringify({
          kind: `${info.kind}List`,
          apiVersion: info.group === "" ? info.version : `${info.group}/${info.version}`,
          metadata: { resourceVersion: String(store.rv) },
          items,
        }),
      );
      return;
    }
    if (route.name === undefined)
      return status(response, 405, "MethodNotAllowed", "method not allowed");
    const existing = store.get(route.kind, route.name, route.namespace);
    if (!existing)
      return status(response, 404, "NotFound", `${info.plural} "${route.name}" not found`);
    if (request.method === "GET") {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify(existing));
      return;
    }
    if (request.method === "PATCH") {
      const type = request.headers["content-type"] ?? "";
      if (!type.startsWith("application/merge-patch+json"))
        return status(
          response,
          415,
          "UnsupportedMediaType",
          `the sandbox takes merge patches, not ${type}`,
        );
      let patch: unknown;
      try {
        patch = await readJson(request);
      } catch {
        return status(response, 400, "BadRequest", "the patch is not JSON");
      }
      const merged = mergePatch(existing, patch);
      if (!isRecord(merged) || !isRecord(merged.metadata))
        return status(response, 422, "Invalid", "the patch removes metadata");
      const updated = store.upsert(route.kind, {
        ...(merged as KubeObject),
        metadata: {
          ...existing.metadata,
          ...(merged.metadata as KubeObject["metadata"]),
          name: existing.metadata.name,
        },
      });
      for (const listener of patchListeners) listener(route.kind, updated);
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify(updated));
      return;
    }
    return status(response, 405, "MethodNotAllowed", "method not allowed");
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        status(response, 500, "InternalError", error instanceof Error ? error.message : "error");
      else response.end();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    uninstall: (kind) => {
      store.installed.delete(kind);
      for (const object of store.list(kind))
        store.remove(kind, object.metadata.name, object.metadata.namespace);
    },
    install: (kind) => void store.installed.add(kind),
    dropWatches: () => {
      for (const response of watches) response.destroy();
      watches.clear();
    },
    openWatches: () => watches.size,
    onPatch: (listener) => void patchListeners.push(listener),
    route: (handler) => void extraRoutes.push(handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of watches) response.destroy();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
