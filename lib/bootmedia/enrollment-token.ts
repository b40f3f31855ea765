import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

/** A token as `newEnrollmentToken` makes it, for boot URLs and first-boot bearers alike. */
export const enrollmentTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "is not an enrollment token");

/** A fresh enrollment token (32 random bytes, base64url) and the SHA-256 hex the database keeps. */
export function newEnrollmentToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashEnrollmentToken(token) };
}

export function hashEnrollmentToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * Rows of this purpose hold an install's claim secret (lib/enrollment/first-boot-claim), armed
 * and disarmed by provisioning and decommission themselves, never revoked with the tokens.
 */
export const claimSecretPurpose = "first-boot-claim";
