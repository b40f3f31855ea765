import type { Actor } from "@/lib/actor";

/** Who the audit names for a server's call-home: the server itself, through its media's token. */
export function bootActor(server: string): Actor {
  return {
    id: `boot-media:${server}`,
    login: `server:${server}`,
    name: `${server} (boot media)`,
    email: "boot-media@foundry.invalid",
    role: "viewer",
  };
}
