import { hasRole, type Actor, type Role } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";

/** The first line of every boot media verb. */
export function requireRole(actor: Actor, role: Role, what: string): void {
  if (!hasRole(actor, role)) throw new ForbiddenError(`${what} needs the ${role} role.`);
}
