import type { DatabaseClient } from "@/lib/db/client";
import { firstBootPurpose } from "@/lib/enrollment/schema";
import { serverNameSchema } from "@/lib/servers/schema";

/**
 * The highest Workflow generation a first-boot token was ever claimed for under this server
 * name (0 if none). Decommission removes the Workflows from Git but the claims stay; a server
 * registered again under the name continues after them, so its claims never collide.
 */
export async function lastClaimedGeneration(db: DatabaseClient, server: string): Promise<number> {
  const name = serverNameSchema.parse(server);
  const { _max } = await db.enrollmentToken.aggregate({
    where: { serverName: name, purpose: firstBootPurpose },
    _max: { generation: true },
  });
  return _max.generation ?? 0;
}
