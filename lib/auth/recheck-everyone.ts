import "server-only";
import { hasRole, type Actor } from "@/lib/actor";
import { githubIdentitiesWithSessions } from "@/lib/auth/auth-store";
import { recheckAccess } from "@/lib/auth/recheck-access";
import { ForbiddenError } from "@/lib/errors";

export type RecheckSummary = { checked: number; kept: number; lost: string[]; unavailable: number };

/** An admin's "check everyone's GitHub access now", instead of waiting for the period to pass. */
export async function recheckEveryone({ actor }: { actor: Actor }): Promise<RecheckSummary> {
  if (!hasRole(actor, "admin")) throw new ForbiddenError("Only an admin may recheck access");
  const summary: RecheckSummary = { checked: 0, kept: 0, lost: [], unavailable: 0 };
  for (const identity of await githubIdentitiesWithSessions()) {
    const outcome = await recheckAccess(identity);
    summary.checked += 1;
    if (outcome.kind === "kept") summary.kept += 1;
    else if (outcome.kind === "lost") summary.lost.push(identity.login ?? identity.id);
    else summary.unavailable += 1;
  }
  return summary;
}
