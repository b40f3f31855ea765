import { BlockList, isIP } from "node:net";
import { z } from "zod";

function parseCidr(
  text: string,
): { address: string; prefix: number; family: "ipv4" | "ipv6" } | undefined {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(text);
  const version = match?.[1] === undefined ? 0 : isIP(match[1]);
  if (!match?.[1] || version === 0) return undefined;
  const prefix = Number(match[2]);
  if (prefix > (version === 4 ? 32 : 128)) return undefined;
  return { address: match[1], prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

/** `FOUNDRY_ENROLLMENT_SOURCE_CIDRS`: comma-separated CIDRs; empty means no address check. */
export const sourceCidrsSchema = z
  .string()
  .trim()
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ""),
  )
  .pipe(
    z.array(
      z
        .string()
        .refine(
          (entry) => parseCidr(entry) !== undefined,
          "must be CIDRs like 203.0.113.7/32 or 10.0.1.0/24, separated by commas",
        ),
    ),
  );

/** Whether `address` falls in one of `cidrs`; an empty list lets every address through. */
export function addressAllowed(cidrs: readonly string[], address: string | undefined): boolean {
  return cidrs.length === 0 || inCidrs(cidrs, address);
}

/** An IPv4 address as Node reports it on a dual-stack socket (::ffff:a.b.c.d) made plain. */
export function plainAddress(address: string | undefined): string | undefined {
  const plain = address?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return plain !== undefined && isIP(plain) !== 0 ? plain : undefined;
}

/** Whether `address` falls in one of `cidrs`; an empty list holds no address. */
export function inCidrs(cidrs: readonly string[], address: string | undefined): boolean {
  return cidrSet(cidrs)(address);
}

/** A test for membership in `cidrs`, built once for an address checked on every request. */
export function cidrSet(cidrs: readonly string[]): (address: string | undefined) => boolean {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const parsed = parseCidr(cidr);
    if (parsed) list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return (address) => {
    const plain = plainAddress(address);
    if (plain === undefined || cidrs.length === 0) return false;
    return list.check(plain, isIP(plain) === 4 ? "ipv4" : "ipv6");
  };
}
