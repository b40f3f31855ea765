import "server-only";
import { z } from "zod";
import { UnavailableError } from "@/lib/errors";

const apiError = z.object({ message: z.string() }).partial();

/**
 * One call to Tailscale's API. Failures become UnavailableError in plain words: the status and
 * Tailscale's own message, never the request's credentials.
 */
export async function tailscaleRequest<S extends z.ZodType>(input: {
  url: string;
  init: RequestInit;
  what: string;
  schema: S;
}): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(input.url, {
      ...input.init,
      signal: AbortSignal.timeout(15_000),
      cache: "no-store",
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : "network error";
    throw new UnavailableError(
      `Tailscale's API could not be reached to ${input.what} (${reason}).`,
    );
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === "" ? {} : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const message = apiError.safeParse(body).data?.message;
    const hint =
      response.status === 401 || response.status === 403
        ? "; check the Tailscale credentials and their scopes"
        : "";
    throw new UnavailableError(
      `Tailscale refused to ${input.what}: HTTP ${response.status}${message ? `, "${message.slice(0, 200)}"` : ""}${hint}.`,
    );
  }
  const parsed = input.schema.safeParse(body);
  if (!parsed.success)
    throw new UnavailableError(
      `Tailscale's answer to ${input.what} was not what its API documents.`,
    );
  return parsed.data;
}
