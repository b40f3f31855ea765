import "server-only";
import { forgetAccessCheck, markAccessChecked } from "@/lib/auth/access-check-clock";
import { recordAccessEvent } from "@/lib/auth/access-audit";
import { actorOf, parseRole, type Role } from "@/lib/actor";
import { deleteSessionsOf, saveRole, type StoredIdentity } from "@/lib/auth/auth-store";
import { githubAccess } from "@/lib/auth/github-access";
import { GithubTokenRevokedError } from "@/lib/auth/github-api";
import { singleton } from "@/lib/singleton";

export type RecheckOutcome =
  | { kind: "kept"; role: Role }
  | { kind: "lost"; reason: "not-on-list" | "token-revoked" | "login-changed" }
  | { kind: "unavailable" };

/**
 * Confirms a GitHub user's access again with their stored token. Losing it deletes every session
 * they have; a new role is saved. Both are audited. Concurrent checks of one person share a run.
 */
export function recheckAccess(identity: StoredIdentity): Promise<RecheckOutcome> {
  const running = singleton("auth:rechecks", () => new Map<string, Promise<RecheckOutcome>>());
  const existing = running.get(identity.id);
  if (existing) return existing;
  const run = recheck(identity).finally(() => running.delete(identity.id));
  running.set(identity.id, run);
  return run;
}

async function recheck(identity: StoredIdentity): Promise<RecheckOutcome> {
  const storedRole = parseRole(identity.role) ?? "viewer";
  const actor = actorOf({ ...identity, role: storedRole });
  if (!identity.githubToken || !actor) return lose(identity, "token-revoked");
  let result: Awaited<ReturnType<typeof githubAccess>>;
  try {
    result = await githubAccess(identity.githubToken);
  } catch (error) {
    if (error instanceof GithubTokenRevokedError) return lose(identity, "token-revoked");
    console.error("GitHub could not confirm access for", identity.login, error);
    return { kind: "unavailable" };
  }
  if (result.user.login.toLowerCase() !== identity.login?.toLowerCase()) {
    return lose(identity, "login-changed");
  }
  if (!result.decision.allowed) return lose(identity, result.decision.reason);
  const role = result.decision.role;
  if (role !== identity.role) {
    await saveRole(identity.id, role);
    await recordAccessEvent({
      kind: "role-changed",
      actor: { ...actor, role },
      from: identity.role,
      to: role,
    });
  }
  await markAccessChecked(identity.id, Date.now());
  return { kind: "kept", role };
}

async function lose(
  identity: StoredIdentity,
  reason: "not-on-list" | "token-revoked" | "login-changed",
): Promise<RecheckOutcome> {
  await deleteSessionsOf(identity.id);
  await forgetAccessCheck(identity.id);
  const actor = actorOf({ ...identity, role: parseRole(identity.role) ?? "viewer" });
  if (actor) await recordAccessEvent({ kind: "access-lost", actor, reason });
  return { kind: "lost", reason };
}
