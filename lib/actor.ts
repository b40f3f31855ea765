import { z } from "zod";

export const roles = ["viewer", "operator", "admin"] as const;
export type Role = (typeof roles)[number];

/** The person behind an action: who signed in, and what they may do. */
export const actorSchema = z.object({
  id: z.string().min(1),
  login: z.string().min(1),
  name: z.string().min(1),
  email: z.string().email(),
  role: z.enum(roles),
});
export type Actor = z.infer<typeof actorSchema>;

export function hasRole(actor: Actor, needed: Role): boolean {
  return roles.indexOf(actor.role) >= roles.indexOf(needed);
}
