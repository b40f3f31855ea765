import type { Role } from "@/lib/auth/actor";
import { singleton } from "@/lib/singleton";

/**
 * next-auth decides "may this person sign in" (signIn callback) before it creates the user and
 * session, and reports the sign-in (signIn event) after. The role decided in the first is handed
 * to the second here, keyed by GitHub account, for a few minutes at most.
 */
type Pending = { role: Role; at: number };
const ttlMs = 5 * 60 * 1000;

function pending(): Map<string, Pending> {
  return singleton("auth:sign-in-decisions", () => new Map<string, Pending>());
}

export function rememberDecision(accountId: string, role: Role, now = Date.now()): void {
  const all = pending();
  for (const [key, entry] of all) if (now - entry.at > ttlMs) all.delete(key);
  all.set(accountId, { role, at: now });
}

export function takeDecision(accountId: string, now = Date.now()): Role | undefined {
  const entry = pending().get(accountId);
  pending().delete(accountId);
  return entry && now - entry.at <= ttlMs ? entry.role : undefined;
}
