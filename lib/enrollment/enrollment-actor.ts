import type { Actor } from "@/lib/actor";

/** Who the audit names for a first-boot step: the server itself, by its enrollment token. */
export function enrollmentActor(server: string): Actor {
  return {
    id: `enrollment:${server}`,
    login: `server:${server}`,
    name: `${server} (first boot)`,
    email: "enrollment@foundry.invalid",
    role: "viewer",
  };
}
