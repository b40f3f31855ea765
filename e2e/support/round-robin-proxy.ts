import http from "node:http";
import type { AddressInfo } from "node:net";

export type RoundRobinProxy = {
  url: string;
  /** Sends the live stream (/api/events) to this target while it answers; undefined: round robin. */
  streamTo: string | undefined;
  /** Sends every request to this target while it answers, so a test knows who served a click. */
  everythingTo: string | undefined;
  close(): Promise<void>;
};

/**
 * What a Service does in front of two console pods, on loopback: each request goes to the next
 * target in turn, streamed both ways; a target that refuses connections is left out until it
 * answers again. The live stream can be pinned to one target, so a test knows which one to kill.
 */
export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  let next = 0;
  // When each target last refused a connection; it is tried again a second later.
  const refusedAt = new Map<string, number>();
  const isDown = (target: string) => Date.now() - (refusedAt.get(target) ?? 0) < 1_000;
  const state: { streamTo: string | undefined; everythingTo: string | undefined } = {
    streamTo: undefined,
    everythingTo: undefined,
  };
  const pick = (path: string): string | undefined => {
    const pinned = path.startsWith("/api/events") ? state.streamTo : undefined;
    const chosen = state.everythingTo ?? pinned;
    if (chosen !== undefined && !isDown(chosen)) return chosen;
    for (let tried = 0; tried < targets.length; tried += 1) {
      const target = targets[next % targets.length];
      next += 1;
      if (target !== undefined && !isDown(target)) return target;
    }
    return undefined;
  };
  // A request with no body is sent on to the next target when one refuses it, as a Service
  // stops routing to a dead pod: a browser's EventSource gives up for good on a 502.
  const forward = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const target = pick(request.url ?? "/");
    if (target === undefined) {
      response.writeHead(502).end("no console answers");
      return;
    }
    const upstream = http.request(
      new URL(request.url ?? "/", target),
      { method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        answer.on("aborted", () => response.destroy());
      },
    );
    const bodiless = request.method === "GET" || request.method === "HEAD";
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNREFUSED") refusedAt.set(target, Date.now());
      if (error.code === "ECONNREFUSED" && bodiless && !response.headersSent) {
        forward(request, response);
      } else if (!response.headersSent) response.writeHead(502).end("the console did not answer");
      else response.destroy();
    });
    if (bodiless) upstream.end();
    else request.pipe(upstream);
    response.once("close", () => upstream.destroy());
  };
  const server = http.createServer(forward);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get streamTo() {
      return state.streamTo;
    },
    set streamTo(target) {
      state.streamTo = target;
    },
    get everythingTo() {
      return state.everythingTo;
    },
    set everythingTo(target) {
      state.everythingTo = target;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
