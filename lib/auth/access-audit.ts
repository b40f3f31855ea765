import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/actor";
import { authParts } from "@/lib/auth/auth-parts";

/** Sign-in, refusal, lost access and role changes: each one audit entry, started and finished. */
export type AccessEvent =
  | { kind: "sign-in"; actor: Actor; method: "github" | "local" }
  | { kind: "sign-in-refused"; actor: Actor; reason: string }
  | { kind: "access-lost"; actor: Actor; reason: string }
  | { kind: "role-changed"; actor: Actor; from: string | null; to: string };

function entry(event: AccessEvent): { action: string; target: string; refusal?: string } {
  const target = `user ${event.actor.login}`;
  switch (event.kind) {
    case "sign-in":
      return { action: `auth.sign-in.${event.method}`, target };
    case "sign-in-refused":
      return { action: "auth.sign-in", target, refusal: event.reason };
    case "access-lost":
      return { action: "auth.access-lost", target, refusal: event.reason };
    case "role-changed":
      return {
        action: "auth.role-changed",
        target: `${target}: ${event.from ?? "none"} → ${event.to}`,
      };
  }
}

export async function recordAccessEvent(event: AccessEvent): Promise<void> {
  const log = authParts().audit;
  const requestId = randomUUID();
  const { action, target, refusal } = entry(event);
  try {
    await log.start({ requestId, actor: event.actor, action, target });
    await log.finish(
      requestId,
      refusal === undefined ? { status: "succeeded" } : { status: "refused", error: refusal },
    );
  } catch (error) {
    // Access decisions stand on their own; a failed audit write is logged, not fatal.
    console.error("could not write the access audit entry", action, error);
  }
}
