import "server-only";
import type { BootMediaDeps } from "@/lib/bootmedia/deps";
import { claimSecretPurpose } from "@/lib/bootmedia/enrollment-token";
import { serverNameSchema } from "@/lib/servers/schema";

/**
 * Revokes every live token of a server (not its install's claim secret, which the next
 * provisioning replaces). For the servers' decommission and reprovision verbs,
 * which check the role and write their own audit row; resolves to how many were revoked.
 */
export async function revokeServerTokens(
  serverName: string,
  reason: "decommissioned" | "reprovisioned",
  deps: Pick<BootMediaDeps, "db" | "now">,
): Promise<number> {
  const server = serverNameSchema.parse(serverName);
  const { count } = await deps.db.enrollmentToken.updateMany({
    where: { serverName: server, revokedAt: null, purpose: { not: claimSecretPurpose } },
    data: { revokedAt: deps.now(), revokedReason: `server ${reason}` },
  });
  return count;
}
