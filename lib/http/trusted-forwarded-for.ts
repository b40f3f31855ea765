import { type IncomingMessage, Server } from "node:http";
import { clientAddress } from "@/lib/http/client-address";

const patched = Symbol.for("metal-foundry.trusted-forwarded-for");

/**
 * Next.js passes a request's X-Forwarded-For on as the client sent it, and everything after it
 * (rate limits, the enrollment source check) reads the last hop. Before Next sees a request,
 * its X-Forwarded-For is replaced by the one address the socket and the trusted proxies vouch
 * for (`FOUNDRY_TRUSTED_PROXIES`).
 */
export function trustForwardedFor(trustedProxies: readonly string[]): void {
  const prototype = Server.prototype as Server & { [patched]?: true };
  if (prototype[patched]) return;
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    const request = args[0] as IncomingMessage | undefined;
    if (event === "request" && request?.headers) {
      const forwarded = request.headers["x-forwarded-for"];
      request.headers["x-forwarded-for"] =
        clientAddress(
          request.socket.remoteAddress,
          Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
          trustedProxies,
        ) ?? "unknown";
    }
    return (emit as (this: Server, event: string | symbol, ...rest: unknown[]) => boolean).call(
      this,
      event,
      ...args,
    );
  } as typeof prototype.emit;
  prototype[patched] = true;
}
