import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/settings/env";
import { singleton } from "@/lib/singleton";

/**
 * AUTH_SECRET signs next-auth's CSRF and OAuth state cookies (sessions themselves are random
 * database tokens). Local mode may leave it unset: a per-process secret is enough there.
 */
export function authSecret(): string {
  return (
    env().auth.secret ?? singleton("auth:local-secret", () => randomBytes(32).toString("base64"))
  );
}
