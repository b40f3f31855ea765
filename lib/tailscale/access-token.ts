import "server-only";
import { z } from "zod";
import type { TailscaleSettings } from "@/lib/settings/tailscale";
import { tailscaleRequest } from "@/lib/tailscale/tailscale-request";

const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
});

/**
 * The bearer for Tailscale's API: an API key as it is, or a fresh OAuth access token from the
 * client credentials (they live an hour; enrollments are rare, so none is cached).
 */
export async function tailscaleAccessToken(settings: TailscaleSettings): Promise<string> {
  const { credentials } = settings;
  if (credentials.kind === "api-key") return credentials.apiKey;
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
  });
  const token = await tailscaleRequest({
    url: `${settings.apiUrl}/api/v2/oauth/token`,
    init: {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    },
    what: "issue an access token for the OAuth client",
    schema: tokenResponse,
  });
  return token.access_token;
}
