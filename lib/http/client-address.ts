import { plainAddress } from "@/lib/settings/source-cidrs";

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy (`isTrusted`);
 * then the nearest X-Forwarded-For hop that is not itself a trusted proxy. Hops a stranger
 * wrote further left are never read, so rotating the header changes nothing.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  isTrusted: (address: string) => boolean,
): string | undefined {
  let client = plainAddress(socketAddress);
  const hops = (forwardedFor ?? "").split(",");
  while (client !== undefined && isTrusted(client) && hops.length > 0) {
    const hop = plainAddress(hops.pop());
    if (hop === undefined) break;
    client = hop;
  }
  return client;
}
