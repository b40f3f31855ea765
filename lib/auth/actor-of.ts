import { z } from "zod";
import { actorSchema, roles, type Actor, type Role } from "@/lib/actor";

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
