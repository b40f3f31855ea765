import "server-only";
import { createHash } from "node:crypto";
import type { Context } from "@/lib/context";
import { githubDeliverySchema, githubPingSchema, githubPushSchema } from "./github-event";
import { verifyHmacSignature } from "./signature";
import { parseJsonBody, readWebhookBody, webhookAnswer } from "./webhook-answers";
import { storeWebhookEvent } from "./webhook-events";

// The clone is refreshed after the answer, so GitHub's 10 s limit never bites.
export type GitHubWebhookDeps = Pick<
  Context,
  "githubWebhookSecret" | "db" | "bus" | "branch" | "refreshClone"
>;

/**
 * GitHub's `ping` and `push`: size, `X-Hub-Signature-256` over the raw bytes, the delivery id
 * (a redelivery, or a replay under another id, is stored once), then the schema. A push to the branch makes the console fetch.
 */
export async function receiveGitHubWebhook(
  request: Request,
  deps: GitHubWebhookDeps,
): Promise<Response> {
  if (!deps.githubWebhookSecret)
    return webhookAnswer(503, { error: "GITHUB_WEBHOOK_SECRET is not set" });
  const body = await readWebhookBody(request);
  if (body instanceof Response) return body;
  const signed = verifyHmacSignature({
    body,
    header: request.headers.get("x-hub-signature-256"),
    secret: deps.githubWebhookSecret,
    allowed: ["sha256"],
  });
  if (!signed) return webhookAnswer(401, { error: "bad signature" });
  const delivery = githubDeliverySchema.safeParse(request.headers.get("x-github-delivery") ?? "");
  if (!delivery.success) return webhookAnswer(400, { error: "missing X-GitHub-Delivery" });
  const type = request.headers.get("x-github-event");
  if (type !== "ping" && type !== "push")
    return webhookAnswer(202, { ok: true, ignored: `${type ?? "unnamed"} events` });

  // The delivery id is not signed: a captured body replayed under a fresh id is the same body.
  // GitHub's own redelivery resends the same bytes, so the body's digest is the delivery.
  const deliveryKey = `github:sha256:${createHash("sha256").update(body).digest("hex")}`;
  if (type === "ping") {
    const ping = parseJsonBody(body, githubPingSchema);
    if (ping instanceof Response) return ping;
    const outcome = await storeWebhookEvent(deps.db, {
      source: "github",
      deliveryKey,
      type: "ping",
      message: ping.zen ?? "ping",
      occurredAt: new Date(),
    });
    return webhookAnswer(200, { ok: true, duplicate: !outcome.stored });
  }

  const push = parseJsonBody(body, githubPushSchema);
  if (push instanceof Response) return push;
  const outcome = await storeWebhookEvent(deps.db, {
    source: "github",
    deliveryKey,
    type: "push",
    objectKind: "Repository",
    objectName: push.repository.full_name,
    message: push.head_commit?.message.split("\n")[0] ?? `push to ${push.ref}`,
    revision: push.ref,
    sha: push.after,
    occurredAt: new Date(),
  });
  if (!outcome.stored) return webhookAnswer(200, { ok: true, duplicate: true });
  if (push.ref === `refs/heads/${deps.branch}`) {
    void deps
      .refreshClone()
      .then(() =>
        deps.bus.publish({
          topic: "git",
          invalidate: [["git"], ["timeline"], ["servers"]],
          summary: `pushed ${push.after.slice(0, 7)} to ${deps.branch}`,
        }),
      )
      .catch((error: unknown) => {
        console.warn(
          `webhooks: fetching after a push failed: ${error instanceof Error ? error.message : "unknown error"}`,
        );
      });
  }
  return webhookAnswer(202, { ok: true, duplicate: false });
}
