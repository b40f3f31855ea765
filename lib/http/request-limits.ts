import type { Server } from "node:http";
import { answerJson, beforeNext } from "@/lib/http/request-gate";

/**
 * The largest body the console reads: a 2 MB CSV of servers (lib/servers/schema.ts) with room
 * for its form encoding. Next's proxy buffers a body up to `proxyClientMaxBodySize` before any
 * route runs (next.config.ts sets the same figure); a declared length above it is refused here,
 * before a byte of it is read.
 */
export const maxBodyBytes = 3 * 1024 * 1024;

/** A client must have sent its whole request within this, or the socket is closed. */
export const requestTimeoutMs = 60_000;
export const headersTimeoutMs = 20_000;

const limited = Symbol.for("metal-foundry.request-limits.server");

export function limitRequests(): void {
  beforeNext("request-limits", (request, response, server: Server & { [limited]?: true }) => {
    // Node's defaults (300 s for a request) let a slow sender hold a socket and its buffer.
    if (!server[limited]) {
      server.requestTimeout = requestTimeoutMs;
      server.headersTimeout = headersTimeoutMs;
      server[limited] = true;
    }
    if (Number(request.headers["content-length"] ?? 0) <= maxBodyBytes) return false;
    answerJson(response, 413, `The body is larger than ${maxBodyBytes} bytes`, {
      connection: "close",
    });
    request.socket.destroySoon();
    return true;
  });
}
