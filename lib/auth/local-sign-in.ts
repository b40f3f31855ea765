import "server-only";
import { randomBytes } from "node:crypto";
import { recordAccessEvent } from "@/lib/auth/access-audit";
import { actorOf } from "@/lib/actor";
import { isLoopbackHost } from "@/lib/settings/auth";
import { ensureLocalAdmin } from "@/lib/auth/auth-store";
import { prismaAdapter } from "@/lib/auth/prisma-adapter";
import { sessionMaxAgeSeconds } from "@/lib/auth/session-cookie";
import { authParts } from "@/lib/auth/auth-parts";
import { env } from "@/lib/settings/env";
import { ForbiddenError } from "@/lib/errors";

/**
 * Local mode's one-click sign-in: a real database session for the "Local admin", created through
 * the same adapter next-auth uses, and audited. Only without an OAuth app and only on loopback.
 */
export async function signInLocalAdmin(): Promise<{ sessionToken: string; expires: Date }> {
  const { auth, hostname } = env();
  if (auth.mode !== "local" || !isLoopbackHost(hostname)) {
    throw new ForbiddenError("Local sign-in is only offered without GitHub sign-in, on loopback");
  }
  const identity = await ensureLocalAdmin();
  const createSession = prismaAdapter(authParts().db).createSession;
  if (!createSession) throw new Error("the Prisma adapter cannot create sessions");
  const session = await createSession({
    sessionToken: randomBytes(32).toString("hex"),
    userId: identity.id,
    expires: new Date(Date.now() + sessionMaxAgeSeconds * 1000),
  });
  const actor = actorOf({ ...identity, role: "admin" });
  if (actor) await recordAccessEvent({ kind: "sign-in", actor, method: "local" });
  return { sessionToken: session.sessionToken, expires: session.expires };
}
