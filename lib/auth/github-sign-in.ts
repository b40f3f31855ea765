import "server-only";
import type { Account, User } from "next-auth";
import { markAccessChecked } from "@/lib/auth/access-check-clock";
import { recordAccessEvent } from "@/lib/auth/access-audit";
import { actorOf } from "@/lib/actor";
import { deleteSessionsOf, saveGithubSignIn } from "@/lib/auth/auth-store";
import { githubAccess } from "@/lib/auth/github-access";
import { rememberDecision, takeDecision } from "@/lib/auth/sign-in-decisions";

/**
 * next-auth's signIn callback: true lets the person in; a path sends them there instead, and then
 * next-auth stores nothing (no User, Account or Session row).
 */
export async function allowGithubSignIn(account: Account | null): Promise<true | string> {
  if (account?.provider !== "github" || !account.access_token) return "/sign-in?error=Callback";
  let access: Awaited<ReturnType<typeof githubAccess>>;
  try {
    access = await githubAccess(account.access_token);
  } catch (error) {
    console.error("GitHub could not confirm access at sign-in", error);
    return "/sign-in?error=github-unavailable";
  }
  const { user, decision } = access;
  const login = user.login.toLowerCase();
  if (!decision.allowed) {
    const actor = actorOf({
      id: `github:${user.id}`,
      login,
      name: user.name,
      email: user.email,
      role: "viewer",
    });
    if (actor) await recordAccessEvent({ kind: "sign-in-refused", actor, reason: decision.reason });
    return `/not-allowed?reason=${decision.reason}&login=${encodeURIComponent(login)}`;
  }
  rememberDecision(account.providerAccountId, { role: decision.role, login });
  return true;
}

/** next-auth's signIn event: the user and session exist now; store the role and newest token. */
export async function recordGithubSignIn(
  user: User,
  account: Account | null,
  isNewUser: boolean | undefined,
): Promise<void> {
  if (account?.provider !== "github" || !account.access_token) return;
  const decision = takeDecision(account.providerAccountId);
  try {
    if (!decision) throw new Error("the sign-in decision was lost");
    const { role, login } = decision;
    const { previousRole } = await saveGithubSignIn({
      userId: user.id,
      login,
      role,
      providerAccountId: account.providerAccountId,
      accessToken: account.access_token,
      scope: account.scope,
    });
    await markAccessChecked(user.id, Date.now());
    const actor = actorOf({
      id: user.id,
      login,
      name: user.name,
      email: user.email,
      role,
    });
    if (!actor) return;
    await recordAccessEvent({ kind: "sign-in", actor, method: "github" });
    if (!isNewUser && previousRole !== role) {
      await recordAccessEvent({ kind: "role-changed", actor, from: previousRole, to: role });
    }
  } catch (error) {
    // Without a stored role the new session must not live on.
    console.error("could not record the GitHub sign-in; ending its session", error);
    await deleteSessionsOf(user.id);
  }
}
