import { ServerResponse } from "node:http";

/**
 * Next.js (16.4, `server/send-response.js`) drops `Content-Length` from every route handler's
 * response and streams the body chunked, so a download would not say its size: no progress bar,
 * no check that the file arrived whole. A handler that knows the exact length of what it sends
 * also names it in this header, and the server's responses turn it back into `Content-Length`
 * as their head is written.
 */
export const declaredLengthHeader = "x-foundry-content-length";

const patched = Symbol.for("metal-foundry.declared-length");

export function keepDeclaredLengths(): void {
  const prototype = ServerResponse.prototype as ServerResponse & { [patched]?: true };
  if (prototype[patched]) return;
  const writeHead = prototype.writeHead;
  prototype.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const declared = this.getHeader(declaredLengthHeader);
    if (typeof declared === "string" && /^\d+$/.test(declared) && !this.headersSent) {
      this.removeHeader(declaredLengthHeader);
      if (!this.hasHeader("transfer-encoding")) this.setHeader("content-length", declared);
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof prototype.writeHead;
  prototype[patched] = true;
}
