import type { z } from "zod";
import { BodyTooLargeError, readLimitedBody } from "./read-body";

export type WebhookAnswerBody = {
  ok?: true;
  duplicate?: boolean;
  ignored?: string;
  error?: string;
};

export function webhookAnswer(status: number, body: WebhookAnswerBody): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** The raw body, or the 413 answer. */
export async function readWebhookBody(request: Request): Promise<Uint8Array | Response> {
  try {
    return await readLimitedBody(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return webhookAnswer(413, { error: error.message });
    throw error;
  }
}

/** The body as JSON checked by `schema`, or the 400 answer saying what is wrong. */
export function parseJsonBody<S extends z.ZodType>(
  body: Uint8Array,
  schema: S,
): z.output<S> | Response {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    return webhookAnswer(400, { error: "the body is not JSON" });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
      .join("; ");
    return webhookAnswer(400, { error: `malformed event (${where})` });
  }
  return parsed.data;
}
