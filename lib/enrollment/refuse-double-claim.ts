import { randomUUID } from "node:crypto";
import type { EnrollmentDeps } from "@/lib/enrollment/deps";
import { enrollmentActor } from "@/lib/enrollment/enrollment-actor";
import { firstBootPurpose } from "@/lib/enrollment/schema";
import { recordEnrollmentEvent } from "@/lib/enrollment/record-enrollment-event";
import { ConflictError } from "@/lib/errors";

/*
 * Two claims for one install mean someone else asked too. The token already issued is revoked,
 * so whichever party holds it cannot exchange it; the operator sees why and reprovisions.
 */
export async function refuseDoubleClaim(
  deps: Pick<EnrollmentDeps, "db" | "audit" | "now">,
  claim: { server: string; generation: number; from: string | undefined },
): Promise<never> {
  const { server, generation } = claim;
  const requestId = randomUUID();
  await deps.audit.start({
    requestId,
    actor: enrollmentActor(server),
    action: "claim-enrollment-token",
    target: server,
  });
  await deps.db.enrollmentToken.updateMany({
    where: {
      serverName: server,
      purpose: firstBootPurpose,
      generation,
      revokedAt: null,
      usedAt: null,
    },
    data: { revokedAt: deps.now(), revokedReason: "enrollment token claimed twice" },
  });
  const from = claim.from ? ` from ${claim.from}` : "";
  await recordEnrollmentEvent(deps, {
    server,
    generation,
    kind: "token-claimed-twice",
    detail: `Enrollment token for generation ${generation} claimed twice${from}; the issued token was revoked unless already used`,
  });
  await deps.audit.finish(requestId, {
    status: "refused",
    error: `enrollment token for generation ${generation} claimed twice${from}`,
  });
  throw new ConflictError(
    `The enrollment token of ${server} for generation ${generation} was already claimed. Nothing was issued; reprovision the server to start again.`,
  );
}
