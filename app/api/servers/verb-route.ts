import "server-only";
import type { Actor } from "@/lib/actor";
import { withRole } from "@/lib/auth/with-role";
import { InvalidError } from "@/lib/errors";
import { serverParts } from "@/lib/runtime/servers";
import type { ServerDeps } from "@/lib/servers/deps";

type RouteContext = { params: Promise<Record<string, string> | undefined> };
type Verb = (
  args: { actor: Actor; input: unknown; preview?: boolean },
  deps: ServerDeps,
) => Promise<unknown>;

/**
 * The HTTP face of a server verb, for scripts: JSON in, `?preview=1` for the diff, the outcome
 * out; refusals are 4xx with each field's message (lib/http/error-response.ts).
 */
export function verbRoute(verb: Verb, fromPath?: (name: string) => Record<string, unknown>) {
  return withRole<RouteContext>("operator", async (request, context) => {
    const body: unknown = await request.json().catch(() => {
      throw new InvalidError("The body must be JSON");
    });
    const name = (await context.params)?.name;
    const input =
      fromPath && typeof body === "object" && body !== null && name
        ? { ...body, ...fromPath(name) }
        : body;
    const preview = new URL(request.url).searchParams.get("preview") === "1";
    const outcome = await verb({ actor: context.actor, input, preview }, serverParts());
    return Response.json(outcome, { status: preview ? 200 : 201 });
  });
}
