import "server-only";
import { z } from "zod";
import type { TailscaleSettings } from "@/lib/settings/tailscale";
import { tailscaleAccessToken } from "@/lib/tailscale/access-token";
import { tailscaleRequest } from "@/lib/tailscale/tailscale-request";

/** Deletes an auth key that was minted but never handed out (the exchange failed after it). */
export async function deleteAuthKey(settings: TailscaleSettings, keyId: string): Promise<void> {
  const bearer = await tailscaleAccessToken(settings);
  await tailscaleRequest({
    url: `${settings.apiUrl}/api/v2/tailnet/${encodeURIComponent(settings.tailnet)}/keys/${encodeURIComponent(keyId)}`,
    init: { method: "DELETE", headers: { Authorization: `Bearer ${bearer}` } },
    what: "delete an unused auth key",
    schema: z.unknown(),
  });
}
