import { timingSafeEqual } from "node:crypto";
import { enrollmentTokenSchema, hashEnrollmentToken } from "@/lib/bootmedia/enrollment-token";
import type { EnrollmentDeps } from "@/lib/enrollment/deps";
import { firstBootPurpose } from "@/lib/enrollment/schema";
import { ForbiddenError } from "@/lib/errors";

export type VerifiedToken = { id: string; server: string; generation: number | null };

/** Why a token that exists and belongs to this server is still refused; undefined if it is live. */
export type TokenProblem = "revoked" | "used" | "expired";

const notValid = () => new ForbiddenError("This enrollment token is not valid for this server.");

/**
 * Finds a first-boot token by its hash and checks it belongs to `server`. Unknown tokens and
 * other servers' tokens are refused alike, before anything is written.
 */
export async function verifyEnrollmentToken(
  deps: Pick<EnrollmentDeps, "db" | "now">,
  { server, token }: { server: string; token: string },
): Promise<{ token: VerifiedToken; problem: TokenProblem | undefined }> {
  if (!enrollmentTokenSchema.safeParse(token).success) throw notValid();
  const hash = hashEnrollmentToken(token);
  const row = await deps.db.enrollmentToken.findUnique({ where: { tokenHash: hash } });
  // The index finds the row; the comparison that decides is constant-time all the same.
  const matches =
    row !== null && timingSafeEqual(Buffer.from(row.tokenHash, "hex"), Buffer.from(hash, "hex"));
  if (row === null || !matches || row.purpose !== firstBootPurpose || row.serverName !== server)
    throw notValid();
  const problem: TokenProblem | undefined =
    row.revokedAt !== null
      ? "revoked"
      : row.usedAt !== null
        ? "used"
        : row.expiresAt <= deps.now()
          ? "expired"
          : undefined;
  return { token: { id: row.id, server: row.serverName, generation: row.generation }, problem };
}
