import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { sessionActor, type SessionState } from "@/lib/auth/session-actor";
import { env } from "@/lib/env";

export type { SessionState } from "@/lib/auth/session-actor";

/** The session of the request being served, resolved once per request. Every guard asks this. */
export const requestActor = cache(async (): Promise<SessionState> => {
  const token = (await cookies()).get(sessionCookieName(env().auth.secureCookies))?.value;
  return token ? sessionActor(token) : { kind: "anonymous" };
});
