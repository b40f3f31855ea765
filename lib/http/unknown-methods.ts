import { answerJson, beforeNext } from "@/lib/http/request-gate";

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

/**
 * Next.js turns each request into a WHATWG Request, whose constructor throws on TRACE, TRACK and
 * CONNECT, so those answered 500. Any method the console does not serve is answered 405 with
 * Allow before Next sees it.
 */
export function refuseUnknownMethods(): void {
  beforeNext("unknown-methods", (request, response) =>
    servedMethods.includes(request.method ?? "")
      ? false
      : answerJson(response, 405, `${request.method ?? "This method"} is not allowed`, {
          allow: servedMethods.join(", "),
        }),
  );
}
