import { receiveFluxWebhook } from "@/lib/events/receive-flux-webhook";
import { fluxWebhookDeps } from "@/lib/events/webhook-deps";
import { errorResponse } from "@/lib/http/error-response";

// Public (lib/auth/public-routes.ts): the HMAC signature over the raw body is the check.
export async function POST(request: Request): Promise<Response> {
  try {
    return await receiveFluxWebhook(request, fluxWebhookDeps());
  } catch (error) {
    return errorResponse(error);
  }
}
