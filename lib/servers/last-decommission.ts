import "server-only";
import type { DatabaseClient } from "@/lib/db";
import { serverReportedActions } from "@/lib/audit/server-reported-actions";
import { aboutServer } from "@/lib/audit/about-server";

export type Decommission = { actorLogin: string; commitSha: string; finishedAt: Date };

/**
 * How a server left Git, when the last request a person made about it was a decommission that
 * committed: the server page's answer once the file is gone, instead of "Page not found".
 */
export async function lastDecommission(
  name: string,
  client: DatabaseClient,
): Promise<Decommission | undefined> {
  const row = await client.auditEntry.findFirst({
    where: {
      ...aboutServer(name),
      action: { notIn: [...serverReportedActions] },
    },
    orderBy: { createdAt: "desc" },
  });
  if (row?.action !== "decommission-server" || row.status !== "succeeded") return undefined;
  if (!row.commitSha || !row.finishedAt) return undefined;
  return { actorLogin: row.actorLogin, commitSha: row.commitSha, finishedAt: row.finishedAt };
}
