import "server-only";
import type { BootMediaDeps } from "@/lib/bootmedia/deps";
import { serverNameSchema } from "@/lib/servers/schema";

/**
 * Revokes every live token of a server. For the servers' decommission and reprovision verbs,
 * which check the role and write their own audit row; resolves to how many were revoked.
 */
export async function revokeServerTokens(
  serverName: string,
  reason: "decommissioned" | "reprovisioned",
  deps: Pick<BootMediaDeps, "db" | "now">,
): Promise<number> {
  const server = serverNameSchema.parse(serverName);
  const { count } = await deps.db.enrollmentToken.updateMany({
    where: { serverName: server, revokedAt: null },
    data: { revokedAt: deps.now(), revokedReason: `server ${reason}` },
  });
  return count;
}
