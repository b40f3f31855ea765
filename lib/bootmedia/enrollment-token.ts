import { createHash, randomBytes } from "node:crypto";

/** A fresh enrollment token (32 random bytes, base64url) and the SHA-256 hex the database keeps. */
export function newEnrollmentToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashEnrollmentToken(token) };
}

export function hashEnrollmentToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
