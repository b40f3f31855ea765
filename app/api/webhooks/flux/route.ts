import { publicRoute } from "@/lib/auth/public-route";
import { receiveFluxWebhook } from "@/lib/events/receive-flux-webhook";
import { fluxWebhookParts } from "@/lib/runtime/webhooks";

// Public (lib/auth/public-routes.ts): the HMAC signature over the raw body is the check.
export const POST = publicRoute((request) => receiveFluxWebhook(request, fluxWebhookParts()));
