import "server-only";
import { unstable_rethrow } from "next/navigation";
import { markGuarded } from "@/lib/auth/guard-registry";
import { errorResponse } from "@/lib/http/error-response";

/**
 * The wrapper of every route handler on the public list (lib/auth/public-routes.ts), beside
 * `withRole` for the rest: no session is asked for, the handler checks its own token or signature,
 * and a refusal it throws becomes its status through the one error mapping.
 */
export function publicRoute<C, R extends Request = Request>(
  handler: (request: R, context: C) => Promise<Response> | Response,
): (request: R, context: C) => Promise<Response> {
  const wrapped = async (request: R, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      unstable_rethrow(error);
      return errorResponse(error);
    }
  };
  return markGuarded(wrapped, "public");
}
