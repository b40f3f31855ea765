import "server-only";
import type { Actor } from "@/lib/auth/actor";

/**
 * Who is acting. Until GitHub sign-in lands this is a clearly named placeholder, so every verb
 * already takes a real `Actor` and the audit shows who "did" it.
 */
const placeholderActor: Actor = {
  id: "local-placeholder",
  login: "local-admin",
  name: "Local admin (placeholder)",
  email: "local-admin@localhost",
  role: "admin",
};

export async function currentActor(): Promise<Actor> {
  return placeholderActor;
}
