import { timingSafeEqual } from "node:crypto";
import type { Actor } from "@/lib/actor";
import {
  claimSecretPurpose,
  hashEnrollmentToken,
  newEnrollmentToken,
} from "@/lib/bootmedia/enrollment-token";
import type { Context } from "@/lib/context";

/*
 * The installer's proof that it is the machine being installed. At each provision the console
 * makes a random claim secret, keeps its SHA-256, and writes the secret to a Secret in the
 * cluster, never to Git. The server's Hardware references that Secret, and Tinkerbell renders it
 * into the fetch-enrollment-token action of this install only (Hardware references, v0.21.0); the
 * action sends it with its claim. A stranger who knows the server's name and timing has no way
 * to it (docs/servers/first-boot-credentials.md).
 */
const firstBootClaimPurpose = claimSecretPurpose;
export const claimSecretHeader = "x-foundry-claim";
// One row per server (its current secret); the unique key is server, purpose and generation.
const currentRow = 0;
// Long enough for a server that boots days after it was provisioned; a later one reprovisions.
const claimLifetimeMs = 30 * 24 * 3_600_000;

export type FirstBootClaimDeps = Pick<Context, "db" | "claimSecrets" | "now">;

/** A fresh claim secret for the server's next install: its hash stored, the secret in the cluster. */
export async function armFirstBootClaim(
  server: string,
  actor: Actor,
  deps: FirstBootClaimDeps,
): Promise<void> {
  const { token, hash } = newEnrollmentToken();
  const now = deps.now();
  const row = {
    tokenHash: hash,
    createdById: actor.id,
    createdByLogin: actor.login,
    createdAt: now,
    expiresAt: new Date(now.getTime() + claimLifetimeMs),
    revokedAt: null,
    revokedReason: null,
  };
  await deps.db.enrollmentToken.upsert({
    where: {
      serverName_purpose_generation: {
        serverName: server,
        purpose: firstBootClaimPurpose,
        generation: currentRow,
      },
    },
    create: { ...row, serverName: server, purpose: firstBootClaimPurpose, generation: currentRow },
    update: row,
  });
  await deps.claimSecrets.write(server, token);
}

/** Ends the server's claim: a decommissioned server's Secret goes and its row is revoked. */
export async function disarmFirstBootClaim(
  server: string,
  deps: FirstBootClaimDeps,
): Promise<void> {
  await deps.db.enrollmentToken.updateMany({
    where: { serverName: server, purpose: firstBootClaimPurpose, revokedAt: null },
    data: { revokedAt: deps.now(), revokedReason: "server decommissioned" },
  });
  await deps.claimSecrets.remove(server);
}

/** Whether `presented` is the server's current, live claim secret (compared in constant time). */
export async function claimSecretMatches(
  deps: Pick<Context, "db" | "now">,
  server: string,
  presented: string | undefined,
): Promise<boolean> {
  if (!presented) return false;
  const row = await deps.db.enrollmentToken.findFirst({
    where: { serverName: server, purpose: firstBootClaimPurpose, generation: currentRow },
    select: { tokenHash: true, expiresAt: true, revokedAt: true },
  });
  if (!row || row.revokedAt !== null || row.expiresAt <= deps.now()) return false;
  const given = Buffer.from(hashEnrollmentToken(presented), "hex");
  const kept = Buffer.from(row.tokenHash, "hex");
  return given.length === kept.length && timingSafeEqual(given, kept);
}
