import { createHash, createPublicKey, verify, type KeyObject } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * Checks an OCI request signature the way Oracle's front door does: draft-cavage HTTP signatures,
 * `Authorization: Signature version="1",keyId="<tenancy>/<user>/<fingerprint>",algorithm=
 * "rsa-sha256",headers="…",signature="…"`, RSA-SHA256 over the listed headers.
 * Returns why a request is refused, or undefined when it is signed by the expected key.
 */
export function signatureProblem(
  request: IncomingMessage,
  body: string,
  expected: { keyId: string; publicKey: KeyObject | string; maxSkewMs?: number },
): string | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith("Signature ")) return "no Signature authorization header";
  const fields = new Map<string, string>();
  for (const match of header.slice("Signature ".length).matchAll(/(\w+)="([^"]*)"/g)) {
    if (match[1] !== undefined && match[2] !== undefined) fields.set(match[1], match[2]);
  }
  if (fields.get("version") !== "1") return 'version is not "1"';
  if (fields.get("algorithm") !== "rsa-sha256") return "algorithm is not rsa-sha256";
  if (fields.get("keyId") !== expected.keyId) return "unknown keyId";
  // The SDK lists some names capitalised ("Content-Type"); header names compare case-insensitively.
  const signed = (fields.get("headers") ?? "").toLowerCase().split(" ").filter(Boolean);
  const method = (request.method ?? "GET").toUpperCase();
  const required = ["(request-target)", "host", request.headers["x-date"] ? "x-date" : "date"];
  if (["POST", "PUT", "PATCH"].includes(method)) {
    required.push("content-type", "content-length", "x-content-sha256");
  }
  const unsigned = required.filter((name) => !signed.includes(name));
  if (unsigned.length > 0) return `headers not signed: ${unsigned.join(", ")}`;

  const date = Date.parse(String(request.headers["x-date"] ?? request.headers.date ?? ""));
  if (Number.isNaN(date) || Math.abs(Date.now() - date) > (expected.maxSkewMs ?? 5 * 60_000)) {
    return "date missing or too far from now";
  }
  if (signed.includes("x-content-sha256")) {
    const digest = createHash("sha256").update(body).digest("base64");
    if (request.headers["x-content-sha256"] !== digest)
      return "x-content-sha256 does not match the body";
    if (Number(request.headers["content-length"]) !== Buffer.byteLength(body)) {
      return "content-length does not match the body";
    }
  }
  const lines: string[] = [];
  for (const name of signed) {
    if (name === "(request-target)") {
      lines.push(`(request-target): ${method.toLowerCase()} ${request.url ?? "/"}`);
      continue;
    }
    const value = request.headers[name];
    if (value === undefined) return `signed header ${name} is missing`;
    lines.push(`${name}: ${Array.isArray(value) ? value.join(", ") : value}`);
  }
  const key =
    typeof expected.publicKey === "string"
      ? createPublicKey(expected.publicKey)
      : expected.publicKey;
  const signature = Buffer.from(fields.get("signature") ?? "", "base64");
  const valid = verify("sha256", Buffer.from(lines.join("\n")), key, signature);
  return valid ? undefined : "signature does not verify with the registered public key";
}
