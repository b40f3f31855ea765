import { randomUUID } from "node:crypto";
import type { EnrollmentDeps } from "@/lib/enrollment/deps";
import { enrollmentActor } from "@/lib/enrollment/enrollment-actor";
import { joinServices } from "@/lib/enrollment/join-services";
import { mintJoinCredentials, type JoinCredentials } from "@/lib/enrollment/mint-join-credentials";
import { recordEnrollmentEvent } from "@/lib/enrollment/record-enrollment-event";
import { verifyEnrollmentToken, type TokenProblem } from "@/lib/enrollment/verify-enrollment-token";
import { ForbiddenError } from "@/lib/errors";
import { serverNameSchema } from "@/lib/servers/schema";
import { audited } from "@/lib/verb";

const refusals: Record<TokenProblem, string> = {
  revoked:
    "This enrollment token was revoked (the server was reprovisioned or decommissioned, or it was claimed twice).",
  used: "This enrollment token was already used; a server gets its credentials once per install.",
  expired: "This enrollment token has expired; reprovision the server to get a new one.",
};

/**
 * At first boot the server trades its enrollment token, once, for its own Tailscale auth key and
 * a short-lived K3s bootstrap token. If anything needed is missing or fails, the token is not
 * spent, so the server's retries can succeed later.
 */
export async function exchangeEnrollmentToken(
  { input }: { input: { server: string; token: string } },
  deps: EnrollmentDeps,
): Promise<JoinCredentials> {
  const { server } = input;
  const name = serverNameSchema.safeParse(server);
  if (!name.success)
    throw new ForbiddenError("This enrollment token is not valid for this server.");
  const { token, problem } = await verifyEnrollmentToken(deps, {
    server: name.data,
    token: input.token,
  });
  const actor = enrollmentActor(token.server);
  const entry = { actor, action: "fetch-first-boot-credentials", target: token.server };
  if (problem) {
    const requestId = randomUUID();
    await deps.audit.start({ requestId, ...entry });
    await deps.audit.finish(requestId, { status: "refused", error: `enrollment token ${problem}` });
    throw new ForbiddenError(refusals[problem]);
  }
  const services = joinServices(deps);
  const now = deps.now();
  const spent = await deps.db.enrollmentToken.updateMany({
    where: { id: token.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (spent.count === 0) throw new ForbiddenError(refusals.used);
  const minted = await audited(deps.audit, entry, async () => {
    try {
      return await mintJoinCredentials(services, {
        server: token.server,
        generation: token.generation,
        now,
      });
    } catch (error) {
      await deps.db.enrollmentToken.updateMany({
        where: { id: token.id, usedAt: now },
        data: { usedAt: null },
      });
      throw error;
    }
  });
  await recordEnrollmentEvent(deps, {
    server: token.server,
    generation: token.generation,
    kind: "credentials-fetched",
    detail: `Credentials fetched: a Tailscale auth key (${minted.keyId}) and the K3s join token ${minted.secretName}, valid until ${minted.k3sTokenExpiresAt.toISOString()}`,
  });
  return {
    tailscaleAuthKey: minted.tailscaleAuthKey,
    k3sToken: minted.k3sToken,
    k3sUrl: minted.k3sUrl,
    k3sVersion: minted.k3sVersion,
  };
}
