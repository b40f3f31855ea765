import type { Role } from "@/lib/actor";
import { singleton } from "@/lib/singleton";

/**
 * next-auth decides "may this person sign in" (signIn callback) before it creates the user and
 * session, and reports the sign-in (signIn event) after. The role decided in the first is handed
 * to the second here, keyed by GitHub account, for a few minutes at most.
 */
export type SignInDecision = { role: Role; login: string };
type Pending = SignInDecision & { at: number };
const ttlMs = 5 * 60 * 1000;

function pending(): Map<string, Pending> {
  return singleton("auth:sign-in-decisions", () => new Map<string, Pending>());
}

export function rememberDecision(
  accountId: string,
  decision: SignInDecision,
  now = Date.now(),
): void {
  const all = pending();
  for (const [key, entry] of all) if (now - entry.at > ttlMs) all.delete(key);
  all.set(accountId, { ...decision, at: now });
}

export function takeDecision(accountId: string, now = Date.now()): SignInDecision | undefined {
  const entry = pending().get(accountId);
  pending().delete(accountId);
  return entry && now - entry.at <= ttlMs ? { role: entry.role, login: entry.login } : undefined;
}
