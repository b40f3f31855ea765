import { cidrSet } from "@/lib/settings/source-cidrs";
import { clientAddress } from "@/lib/http/client-address";
import { beforeNext } from "@/lib/http/request-gate";

/**
 * Next.js passes a request's X-Forwarded-For on as the client sent it, and everything after it
 * (rate limits, the enrollment source check) reads the last hop. Before Next sees a request,
 * its X-Forwarded-For is replaced by the one address the socket and the trusted proxies vouch
 * for (`FOUNDRY_TRUSTED_PROXIES`).
 */
export function trustForwardedFor(trustedProxies: readonly string[]): void {
  const isTrusted = cidrSet(trustedProxies);
  beforeNext("trusted-forwarded-for", (request) => {
    const forwarded = request.headers["x-forwarded-for"];
    request.headers["x-forwarded-for"] =
      clientAddress(
        request.socket.remoteAddress,
        Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
        isTrusted,
      ) ?? "unknown";
    return false;
  });
}
