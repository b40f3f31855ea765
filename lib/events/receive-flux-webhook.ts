import "server-only";
import type { Context } from "@/lib/context";
import { fluxDeliveryKey, fluxEventRevision, fluxEventSchema, fluxEventSha } from "./flux-event";
import { parseJsonBody, readWebhookBody, webhookAnswer } from "./webhook-answers";
import { verifyHmacSignature } from "./signature";
import { storeWebhookEvent } from "./webhook-events";

export type FluxWebhookDeps = Pick<Context, "fluxWebhookSecret" | "db" | "bus">;

/**
 * A Flux notification-controller event (Provider type `generic-hmac`): size, signature over the
 * raw bytes, then the schema; stored once however often Flux retries, then pushed to browsers.
 */
export async function receiveFluxWebhook(
  request: Request,
  deps: FluxWebhookDeps,
): Promise<Response> {
  if (!deps.fluxWebhookSecret)
    return webhookAnswer(503, { error: "FLUX_WEBHOOK_SECRET is not set" });
  const body = await readWebhookBody(request);
  if (body instanceof Response) return body;
  const signed = verifyHmacSignature({
    body,
    header: request.headers.get("x-signature"),
    secret: deps.fluxWebhookSecret,
    allowed: ["sha256", "sha384", "sha512"],
  });
  if (!signed) return webhookAnswer(401, { error: "bad signature" });
  const parsed = parseJsonBody(body, fluxEventSchema);
  if (parsed instanceof Response) return parsed;
  const event = parsed;
  const { kind, namespace, name } = event.involvedObject;
  const outcome = await storeWebhookEvent(deps.db, {
    source: "flux",
    deliveryKey: fluxDeliveryKey(event),
    type: event.reason,
    severity: event.severity,
    objectKind: kind,
    objectNamespace: namespace,
    objectName: name,
    message: event.message,
    revision: fluxEventRevision(event),
    sha: fluxEventSha(event),
    controller: event.reportingController,
    occurredAt: new Date(event.timestamp),
  });
  if (!outcome.stored) return webhookAnswer(200, { ok: true, duplicate: true });
  deps.bus.publish({
    topic: "flux",
    invalidate: [["events"], ["cluster"], ["timeline"]],
    summary: `${kind} ${namespace}/${name}: ${event.reason}`,
  });
  return webhookAnswer(202, { ok: true, duplicate: false });
}
