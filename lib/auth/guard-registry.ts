import type { Role } from "@/lib/actor";

/**
 * Which functions a guard produced, and the role each needs ("public" for `publicRoute`). The
 * route inventory test reads it to prove every action and route handler is guarded or public on
 * purpose; nothing else should need it.
 */
const guarded = new WeakMap<object, Role | "public">();

export function markGuarded<T extends object>(fn: T, role: Role | "public"): T {
  guarded.set(fn, role);
  return fn;
}

export function guardedRole(fn: unknown): Role | undefined {
  const role = typeof fn === "function" ? guarded.get(fn) : undefined;
  return role === "public" ? undefined : role;
}

export function isPublicHandler(fn: unknown): boolean {
  return typeof fn === "function" && guarded.get(fn) === "public";
}
