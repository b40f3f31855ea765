import "server-only";
import { unstable_rethrow } from "next/navigation";
import { hasRole, type Actor, type Role } from "@/lib/actor";
import { allowedOriginsOf, safeMethods } from "@/lib/auth/allowed-origins";
import { markGuarded } from "@/lib/auth/guard-registry";
import { requestActor } from "@/lib/auth/session";
import { env } from "@/lib/settings/env";
import { errorResponse } from "@/lib/http/error-response";

/**
 * Every non-public route handler is wrapped in this: a session (401), the role (403), and for
 * anything that changes state an `Origin` that is the console's own (403), before the handler.
 */
export function withRole<C>(
  role: Role,
  handler: (request: Request, context: C & { actor: Actor }) => Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  const guarded = async (request: Request, context: C): Promise<Response> => {
    const state = await requestActor();
    if (state.kind !== "signed-in")
      return Response.json({ error: "Sign in first" }, { status: 401 });
    if (!hasRole(state.actor, role)) {
      return Response.json({ error: `This needs the ${role} role` }, { status: 403 });
    }
    if (
      !safeMethods.has(request.method) &&
      !allowedOrigins().has(request.headers.get("origin") ?? "")
    ) {
      return Response.json({ error: "Cross-site request refused" }, { status: 403 });
    }
    try {
      return await handler(request, { ...context, actor: state.actor });
    } catch (error) {
      unstable_rethrow(error);
      return errorResponse(error);
    }
  };
  return markGuarded(guarded, role);
}

/** The console's origin; in local mode any loopback spelling of it, as people type either. */
export function allowedOrigins(): Set<string> {
  return allowedOriginsOf(env());
}
