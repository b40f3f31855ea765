import { type IncomingMessage, Server, type ServerResponse } from "node:http";

/** What the console's pages, actions and API answer. */
export const servedMethods: readonly string[] = [
  "GET",
  "HEAD",
  "OPTIONS",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
];

const patched = Symbol.for("metal-foundry.unknown-methods");

/**
 * Next.js turns each request into a WHATWG Request, whose constructor throws on TRACE, TRACK and
 * CONNECT, so those answered 500. Any method the console does not serve is answered 405 with
 * Allow before Next sees it.
 */
export function refuseUnknownMethods(): void {
  const prototype = Server.prototype as Server & { [patched]?: true };
  if (prototype[patched]) return;
  const emit = prototype.emit as (
    this: Server,
    event: string | symbol,
    ...rest: unknown[]
  ) => boolean;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    const [request, response] = args as [IncomingMessage | undefined, ServerResponse | undefined];
    if (
      event === "request" &&
      request &&
      response &&
      !servedMethods.includes(request.method ?? "")
    ) {
      response.writeHead(405, {
        allow: servedMethods.join(", "),
        "content-type": "application/json",
      });
      response.end(JSON.stringify({ error: `${request.method ?? "This method"} is not allowed` }));
      return true;
    }
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
  prototype[patched] = true;
}
