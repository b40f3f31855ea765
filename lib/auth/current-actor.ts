import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/actor";
import { requestActor } from "@/lib/auth/session";
import { signInPath } from "@/lib/auth/sign-in-path";

/**
 * The signed-in person, for pages and layouts. Without a session this never returns: it redirects
 * to sign-in (back to this page afterwards), or to "not allowed" when access was just lost.
 */
export async function currentActor(): Promise<Actor> {
  const state = await requestActor();
  if (state.kind === "signed-in") return state.actor;
  if (state.kind === "access-lost") redirect(`/not-allowed?reason=${state.reason}`);
  redirect(signInPath((await headers()).get("x-foundry-path")));
}
