import type { Role } from "@/lib/actor";
import type { AuthSettings } from "@/lib/settings/auth";
import { matchesPrincipal, type Membership, type Principal } from "@/lib/settings/principals";

export type AccessDecision =
  { allowed: true; role: Role } | { allowed: false; reason: "not-on-list" };

const highestFirst: Role[] = ["admin", "operator", "viewer"];

function onList(membership: Membership, list: Principal[]): boolean {
  return list.some((principal) => matchesPrincipal(membership, principal));
}

/** Anyone on a role list or the allowlist may enter; the highest matching role list wins. */
export function decideAccess(
  membership: Membership,
  settings: Pick<AuthSettings, "allowed" | "roles">,
): AccessDecision {
  const role = highestFirst.find((candidate) => onList(membership, settings.roles[candidate]));
  if (role) return { allowed: true, role };
  if (onList(membership, settings.allowed)) return { allowed: true, role: "viewer" };
  return { allowed: false, reason: "not-on-list" };
}
