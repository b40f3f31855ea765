import { newEnrollmentToken } from "@/lib/bootmedia/enrollment-token";
import { claimWindowOpen } from "@/lib/enrollment/claim-window";
import { claimSecretMatches } from "@/lib/enrollment/first-boot-claim";
import type { EnrollmentDeps } from "@/lib/enrollment/deps";
import { enrollmentActor } from "@/lib/enrollment/enrollment-actor";
import { recordEnrollmentEvent } from "@/lib/enrollment/record-enrollment-event";
import { refuseDoubleClaim } from "@/lib/enrollment/refuse-double-claim";
import { claimInputSchema, firstBootPurpose } from "@/lib/enrollment/schema";
import { addressAllowed } from "@/lib/settings/source-cidrs";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { serverNameSchema } from "@/lib/servers/schema";
import { audited, parseInput } from "@/lib/verb";
import { badRequestSummary } from "@/lib/field-issues";
import { isUniqueViolation } from "@/lib/db/unique-violation";

// One answer for every "no": a stranger learns neither which servers exist nor their generation.
export const noClaimMessage = "No install is waiting for this enrollment token.";
const noClaim = () => new NotFoundError(noClaimMessage);

async function isCurrentGeneration(
  deps: EnrollmentDeps,
  server: string,
  generation: number,
): Promise<boolean> {
  const matches = (current: Awaited<ReturnType<EnrollmentDeps["currentGeneration"]>>) =>
    current.kind === "provisioned" && current.generation === generation;
  if (matches(await deps.currentGeneration(server, { refresh: false }))) return true;
  // The cluster runs a Workflow the clone does not hold yet (committed outside the console).
  return matches(await deps.currentGeneration(server, { refresh: true }));
}

/**
 * A server's install claims its one enrollment token (public: the installer has no session).
 * Issued only with this install's claim secret, only while the cluster shows that server's
 * Workflow for this generation running at its fetch step, only for the generation Git holds as
 * current, once; a second claim is refused, revokes the first and shows on the timeline.
 */
export async function claimEnrollmentToken(
  {
    input,
  }: {
    input: {
      server: string;
      generation: unknown;
      from?: string | undefined;
      /** The claim secret Tinkerbell rendered into the install (X-Foundry-Claim). */
      claimSecret?: string | undefined;
    };
  },
  deps: EnrollmentDeps,
): Promise<{ token: string; expiresAt: Date }> {
  const { server } = input;
  if (!addressAllowed(deps.enrollment.sourceCidrs, input.from)) {
    throw new ForbiddenError("Enrollment tokens are handed out to the provisioning network only.");
  }
  const name = serverNameSchema.safeParse(server);
  if (!name.success) throw noClaim();
  const { generation } = parseInput(
    claimInputSchema,
    { generation: input.generation },
    badRequestSummary,
  );
  const claim = { server: name.data, generation, from: input.from };
  // The cluster view is in memory: strangers are turned away before Git or the database is asked.
  if (!claimWindowOpen(deps.clusterWorkflow(name.data), name.data, generation)) throw noClaim();
  // Knowing the name and the timing is not enough: only the install holds its claim secret.
  if (!(await claimSecretMatches(deps, name.data, input.claimSecret))) throw noClaim();
  if (!(await isCurrentGeneration(deps, name.data, generation))) throw noClaim();
  const where = { serverName: name.data, purpose: firstBootPurpose, generation };
  if ((await deps.db.enrollmentToken.findFirst({ where, select: { id: true } })) !== null) {
    return refuseDoubleClaim(deps, claim);
  }
  const { token, hash } = newEnrollmentToken();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.enrollment.tokenTtlMinutes * 60_000);
  const actor = enrollmentActor(name.data);
  try {
    await audited(
      deps.audit,
      { actor, action: "issue-enrollment-token", target: name.data },
      async () => {
        await deps.db.enrollmentToken.create({
          data: {
            ...where,
            tokenHash: hash,
            createdById: actor.id,
            createdByLogin: actor.login,
            createdAt: now,
            expiresAt,
          },
        });
      },
    );
  } catch (error) {
    // Two claims at once: the database lets one through.
    if (isUniqueViolation(error)) return refuseDoubleClaim(deps, claim);
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
