import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { bodyBudget } from "@/lib/http/body-budget";
import { answerJson, beforeNext } from "@/lib/http/request-gate";

/**
 * The largest body the console reads: a 2 MB CSV of servers (lib/servers/schema.ts) with room
 * for its form encoding. Next's proxy buffers a body up to `proxyClientMaxBodySize` before any
 * route runs (next.config.ts sets the same figure); a declared length above it is refused here,
 * before a byte of it is read.
 */
export const maxBodyBytes = 3 * 1024 * 1024;

/**
 * What all bodies on their way in may hold together, and one client's share of it: enough for
 * several people uploading a CSV at once, while a flood of bodies that never finish holds at most
 * this much memory instead of a full body per connection.
 */
export const bodiesInFlightBytes = 12 * maxBodyBytes;
export const clientBodiesInFlightBytes = 2 * maxBodyBytes;

/** A client must have sent its whole request within this, or the socket is closed. */
export const requestTimeoutMs = 60_000;
export const headersTimeoutMs = 20_000;

const limited = Symbol.for("metal-foundry.request-limits.server");

export function limitRequests(): void {
  const budget = bodyBudget(bodiesInFlightBytes, clientBodiesInFlightBytes);
  beforeNext("request-limits", (request, response, server: Server & { [limited]?: true }) => {
    // Node's defaults (300 s for a request) let a slow sender hold a socket and its buffer.
    if (!server[limited]) {
      server.requestTimeout = requestTimeoutMs;
      server.headersTimeout = headersTimeoutMs;
      server[limited] = true;
    }
    // Every client of the console (browsers, Flux, GitHub, curl in an installer) declares its
    // body's length; one that streams without it could only be capped after it was buffered.
    if (request.headers["transfer-encoding"] !== undefined) {
      return refuse(request, response, 411, "A body must declare its length (Content-Length)");
    }
    const declared = Number(request.headers["content-length"] ?? 0);
    if (declared > maxBodyBytes) {
      return refuse(request, response, 413, `The body is larger than ${maxBodyBytes} bytes`);
    }
    if (declared === 0) return false;
    const client = clientOf(request);
    if (!budget.take(client, declared)) {
      return refuse(request, response, 503, "Too many bodies are on their way in; try again", {
        "retry-after": "5",
      });
    }
    response.once("close", () => budget.give(client, declared));
    return false;
  });
}

// The trusted-forwarded-for step runs first in the console and leaves the one address it vouches
// for in the header; without it (a bare server in tests) the socket's peer is the client.
function clientOf(request: IncomingMessage): string {
  const vouched = request.headers["x-forwarded-for"];
  return typeof vouched === "string" ? vouched : (request.socket.remoteAddress ?? "unknown");
}

function refuse(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  error: string,
  headers: Record<string, string> = {},
): true {
  answerJson(response, status, error, { connection: "close", ...headers });
  request.socket.destroySoon();
  return true;
}
