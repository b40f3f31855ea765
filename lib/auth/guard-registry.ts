import type { Role } from "@/lib/auth/actor";

/**
 * Which functions a guard produced, and the role each needs. The route inventory test reads it
 * to prove every action and route handler is guarded; nothing else should need it.
 */
const guarded = new WeakMap<object, Role>();

export function markGuarded<T extends object>(fn: T, role: Role): T {
  guarded.set(fn, role);
  return fn;
}

export function guardedRole(fn: unknown): Role | undefined {
  return typeof fn === "function" ? guarded.get(fn) : undefined;
}
