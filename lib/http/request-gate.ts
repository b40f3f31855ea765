import { type IncomingMessage, Server, type ServerResponse } from "node:http";

/**
 * A step run on each request before Next.js sees it, in the order the steps were added. It may
 * change the request, or answer it itself and say so by returning true: then nothing after it,
 * Next included, sees the request.
 */
export type RequestStep = (
  request: IncomingMessage,
  response: ServerResponse,
  server: Server,
) => boolean;

type Gate = { steps: Map<string, RequestStep> };
const gateKey = Symbol.for("metal-foundry.request-gate");

// One patch of Server.prototype.emit for every step: Next creates the server, so its "request"
// event is the only place to reach a request first.
function gate(): Gate {
  const prototype = Server.prototype as Server & { [gateKey]?: Gate };
  const existing = prototype[gateKey];
  if (existing) return existing;
  const created: Gate = { steps: new Map() };
  const emit = prototype.emit as (
    this: Server,
    event: string | symbol,
    ...rest: unknown[]
  ) => boolean;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    const [request, response] = args as [IncomingMessage | undefined, ServerResponse | undefined];
    if (event === "request" && request && response) {
      for (const step of created.steps.values()) if (step(request, response, this)) return true;
    }
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
  prototype[gateKey] = created;
  return created;
}

/** Adds `step` under `name`; a name already added keeps its first step. */
export function beforeNext(name: string, step: RequestStep): void {
  const { steps } = gate();
  if (!steps.has(name)) steps.set(name, step);
}

/** Answers a request with a JSON error, for the steps that refuse one. */
export function answerJson(
  response: ServerResponse,
  status: number,
  error: string,
  headers: Record<string, string> = {},
): true {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify({ error }));
  return true;
}
