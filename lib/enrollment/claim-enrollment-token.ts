import { z } from "zod";
import { audited } from "@/lib/bootmedia/audited";
import { newEnrollmentToken } from "@/lib/bootmedia/enrollment-token";
import { parseInput } from "@/lib/bootmedia/parse-input";
import type { EnrollmentDeps } from "@/lib/enrollment/deps";
import { enrollmentActor } from "@/lib/enrollment/enrollment-actor";
import { recordEnrollmentEvent } from "@/lib/enrollment/record-enrollment-event";
import { refuseDoubleClaim } from "@/lib/enrollment/refuse-double-claim";
import { claimInputSchema, firstBootPurpose, serverNameSchema } from "@/lib/enrollment/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";

const uniqueViolation = z.object({ code: z.literal("P2002") });

/**
 * A server's install claims its one enrollment token (public: the provisioning network is the
 * trust, as for Tinkerbell). Only for the generation Git holds as current, once; a second claim
 * is refused, revokes the first and shows on the timeline.
 */
export async function claimEnrollmentToken(
  { server, input }: { server: string; input: { generation: unknown; from?: string | undefined } },
  deps: EnrollmentDeps,
): Promise<{ token: string; expiresAt: Date }> {
  const name = serverNameSchema.safeParse(server);
  if (!name.success) throw new NotFoundError("There is no such server.");
  const { generation } = parseInput(claimInputSchema, { generation: input.generation });
  const claim = { server: name.data, generation, from: input.from };
  const current = await deps.currentGeneration(name.data);
  if (current.kind === "unknown") throw new NotFoundError(`There is no server named ${name.data}.`);
  if (current.kind === "registered") throw new ConflictError(`${name.data} has no Workflow; nothing was issued.`);
  if (current.generation !== generation) {
    throw new ConflictError(
      `Generation ${generation} is not ${name.data}'s current Workflow (that is ${current.generation}); nothing was issued.`,
    );
  }
  const where = { serverName: name.data, purpose: firstBootPurpose, generation };
  if ((await deps.db.enrollmentToken.findFirst({ where, select: { id: true } })) !== null) {
    return refuseDoubleClaim(deps, claim);
  }
  const { token, hash } = newEnrollmentToken();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.settings.tokenTtlMinutes * 60_000);
  const actor = enrollmentActor(name.data);
  try {
    await audited(deps.audit, { actor, action: "issue-enrollment-token", target: name.data }, async () => {
      await deps.db.enrollmentToken.create({
        data: { ...where, tokenHash: hash, createdById: actor.id, createdByLogin: actor.login, createdAt: now, expiresAt },
      });
    });
  } catch (error) {
    // Two claims at once: the database lets one through.
    if (uniqueViolation.safeParse(error).success) return refuseDoubleClaim(deps, claim);
    throw error;
  }
  await recordEnrollmentEvent(deps, {
    server: name.data,
    generation,
    kind: "token-issued",
    detail: `Enrollment token issued for generation ${generation}${input.from ? ` to ${input.from}` : ""}, valid until ${expiresAt.toISOString()}`,
  });
  return { token, expiresAt };
}
