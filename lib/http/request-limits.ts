import { type IncomingMessage, Server, type ServerResponse } from "node:http";

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

const patched = Symbol.for("metal-foundry.request-limits");
const limited = Symbol.for("metal-foundry.request-limits.server");

export function limitRequests(): void {
  const prototype = Server.prototype as Server & { [patched]?: true };
  if (prototype[patched]) return;
  const emit = prototype.emit as (
    this: Server,
    event: string | symbol,
    ...rest: unknown[]
  ) => boolean;
  prototype.emit = function (
    this: Server & { [limited]?: true },
    event: string | symbol,
    ...args: unknown[]
  ) {
    if (event === "request") {
      // Node's defaults (300 s for a request) let a slow sender hold a socket and its buffer.
      if (!this[limited]) {
        this.requestTimeout = requestTimeoutMs;
        this.headersTimeout = headersTimeoutMs;
        this[limited] = true;
      }
      const [request, response] = args as [IncomingMessage | undefined, ServerResponse | undefined];
      const declared = Number(request?.headers["content-length"] ?? 0);
      if (request && response && declared > maxBodyBytes) {
        response.writeHead(413, { "content-type": "application/json", connection: "close" });
        response.end(JSON.stringify({ error: `The body is larger than ${maxBodyBytes} bytes` }));
        request.socket.destroySoon();
        return true;
      }
    }
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
  prototype[patched] = true;
}
