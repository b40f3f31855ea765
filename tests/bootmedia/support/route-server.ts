import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

export type Hit = { method: string; path: string; status: number; at: number };
export type Handle = (request: Request) => Promise<Response | undefined>;

/**
 * A small Node HTTP server on loopback that hands each request, as a Web Request, to the given
 * handlers (the console's route handlers, a stand-in Smee) and logs every hit.
 */
export type RouteServer = {
  port: number;
  hits: Hit[];
  use(handle: Handle): void;
  waitFor(predicate: (hit: Hit) => boolean, timeoutMs: number, since?: number): Promise<Hit>;
  close(): Promise<void>;
};

async function toRequest(incoming: IncomingMessage, port: number): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return new Request(`http://127.0.0.1:${port}${incoming.url ?? "/"}`, {
    method: incoming.method,
    headers,
  });
}

async function send(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body === null) return void outgoing.end();
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>)
      .on("error", reject)
      .pipe(outgoing)
      .on("finish", resolve)
      .on("error", reject);
  });
}

export async function startRouteServer(): Promise<RouteServer> {
  const hits: Hit[] = [];
  const handlers: Handle[] = [];
  const waiters = new Set<() => void>();
  let port = 0;
  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      const request = await toRequest(incoming, port);
      let response: Response | undefined;
      for (const handle of handlers) {
        response = await handle(request);
        if (response !== undefined) break;
      }
      response ??= new Response("not found", { status: 404 });
      hits.push({
        method: request.method,
        path: incoming.url ?? "/",
        status: response.status,
        at: Date.now(),
      });
      for (const wake of waiters) wake();
      await send(response, outgoing);
    })().catch((error: unknown) => {
      console.error("route server", error);
      outgoing.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    hits,
    use: (handle) => void handlers.push(handle),
    waitFor(predicate, timeoutMs, since = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = hits.find((item) => item.at >= since && predicate(item));
          if (hit === undefined) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching request within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
