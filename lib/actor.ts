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

const email = z.string().email();

export function parseRole(value: unknown): Role | undefined {
  return roles.find((role) => role === value);
}

/** An Actor from what is stored or what GitHub said; GitHub users may hide their email. */
export function actorOf(person: {
  id: string;
  login: string | null;
  name: string | null | undefined;
  email: string | null | undefined;
  role: Role;
}): Actor | undefined {
  if (!person.login) return undefined;
  const parsed = actorSchema.safeParse({
    id: person.id,
    login: person.login,
    name: person.name || person.login,
    email: email.safeParse(person.email).success
      ? person.email
      : `${person.login}@users.noreply.github.com`,
    role: person.role,
  });
  return parsed.success ? parsed.data : undefined;
}
