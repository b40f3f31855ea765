import "server-only";
import { z } from "zod";
import type { TailscaleSettings } from "@/lib/settings/tailscale";
import { tailscaleAccessToken } from "@/lib/tailscale/access-token";
import { tailscaleRequest } from "@/lib/tailscale/tailscale-request";

const keyResponse = z.object({
  id: z.string().min(1),
  key: z.string().min(1),
  expires: z.string().optional(),
});

export type TailscaleAuthKey = { id: string; key: string; expires: string | undefined };

/** A single-use, pre-authorised, tagged auth key for one server's first boot. */
export async function createAuthKey(
  settings: TailscaleSettings,
  input: { description: string },
): Promise<TailscaleAuthKey> {
  const bearer = await tailscaleAccessToken(settings);
  const body = {
    capabilities: {
      devices: {
        create: { reusable: false, ephemeral: false, preauthorized: true, tags: settings.tags },
      },
    },
    expirySeconds: settings.keyExpirySeconds,
    // Tailscale allows letters, digits, dashes and spaces here, at most 50 characters.
    description: input.description.replace(/[^A-Za-z0-9 -]/g, "-").slice(0, 50),
  };
  const key = await tailscaleRequest({
    url: `${settings.apiUrl}/api/v2/tailnet/${encodeURIComponent(settings.tailnet)}/keys`,
    init: {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${bearer}` },
    },
    what: "create an auth key",
    schema: keyResponse,
  });
  return { id: key.id, key: key.key, expires: key.expires };
}
