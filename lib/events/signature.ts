import { createHmac, timingSafeEqual } from "node:crypto";

export type HmacAlgorithm = "sha1" | "sha256" | "sha384" | "sha512";

const hexLength: Record<HmacAlgorithm, number> = { sha1: 40, sha256: 64, sha384: 96, sha512: 128 };

/**
 * Checks a `<algorithm>=<hex>` signature (Flux's generic-hmac `X-Signature`, GitHub's
 * `X-Hub-Signature-256`) over the exact body bytes, comparing digests in constant time.
 */
export function verifyHmacSignature(options: {
  body: Uint8Array;
  header: string | null;
  secret: string;
  allowed: readonly HmacAlgorithm[];
}): boolean {
  const match = /^([a-z0-9]+)=([0-9a-fA-F]+)$/.exec(options.header?.trim() ?? "");
  if (!match) return false;
  const algorithm = options.allowed.find((name) => name === match[1]);
  const hex = match[2] ?? "";
  if (algorithm === undefined || hex.length !== hexLength[algorithm]) return false;
  const expected = createHmac(algorithm, options.secret).update(options.body).digest();
  const given = Buffer.from(hex, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The header value a sender would put, e.g. for tests and the sandbox. */
export function signBody(
  body: Uint8Array | string,
  secret: string,
  algorithm: HmacAlgorithm = "sha256",
): string {
  return `${algorithm}=${createHmac(algorithm, secret).update(body).digest("hex")}`;
}
