import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { actorOf, parseRole, type Actor } from "@/lib/actor";
import { accessCheckDue } from "@/lib/auth/access-check-clock";
import { deleteSession, extendSession, findSession } from "@/lib/auth/auth-store";
import { recheckAccess } from "@/lib/auth/recheck-access";
import {
  sessionCookieName,
  sessionMaxAgeSeconds,
  sessionUpdateAgeSeconds,
} from "@/lib/auth/session-cookie";
import { env } from "@/lib/settings/env";

/*
 * Who is asking: a session token's person as of now, and the session of the request being served
 * (resolved once per request; every guard asks it). Pages ask through lib/auth/current-actor.
 */

export type SessionState =
  | { kind: "signed-in"; actor: Actor }
  | { kind: "anonymous" }
  | { kind: "access-lost"; reason: string };

/**
 * Who a session token belongs to, right now: expired sessions and sessions of the wrong kind for
 * this mode end here, and a GitHub user whose last check is older than the period is checked again.
 */
export async function sessionActor(sessionToken: string, now = Date.now()): Promise<SessionState> {
  const session = await findSession(sessionToken);
  if (!session) return { kind: "anonymous" };
  if (session.expires.getTime() <= now) {
    await deleteSession(sessionToken);
    return { kind: "anonymous" };
  }
  const { auth } = env();
  const { user } = session;
  if ((auth.mode === "github") !== (user.provider === "github")) {
    // Switching between local mode and GitHub sign-in ends the other mode's sessions.
    await deleteSession(sessionToken);
    return { kind: "anonymous" };
  }
  let role = parseRole(user.role);
  if (
    user.provider === "github" &&
    accessCheckDue(user.accessCheckedAt, now, auth.recheckSeconds)
  ) {
    const outcome = await recheckAccess(user);
    if (outcome.kind === "lost") return { kind: "access-lost", reason: outcome.reason };
    if (outcome.kind === "unavailable")
      return { kind: "access-lost", reason: "github-unavailable" };
    role = outcome.role;
  }
  const actor = role && actorOf({ ...user, role });
  if (!actor) return { kind: "anonymous" };
  if (session.expires.getTime() - now < (sessionMaxAgeSeconds - sessionUpdateAgeSeconds) * 1000) {
    await extendSession(sessionToken, new Date(now + sessionMaxAgeSeconds * 1000));
  }
  return { kind: "signed-in", actor };
}

/** The session of the request being served, resolved once per request. Every guard asks this. */
export const requestActor = cache(async (): Promise<SessionState> => {
  const token = (await cookies()).get(sessionCookieName(env().auth.secureCookies))?.value;
  return token ? sessionActor(token) : { kind: "anonymous" };
});
