import "server-only";
import type { Actor } from "@/lib/actor";
import type { Context } from "@/lib/context";
import { requireRole } from "@/lib/verb";
import { serverNameSchema } from "./schema";
import { serverReportedActions } from "@/lib/audit/server-reported-actions";
import { aboutServer } from "@/lib/audit/about-server";

export type Decommission = {
  name: string;
  actorLogin: string;
  commitSha: string;
  finishedAt: Date;
};

/**
 * How a server left Git, when the last request a person made about it was a decommission that
 * committed: the server page's answer once the file is gone, instead of "Page not found".
 */
export async function lastDecommission(
  { actor, input }: { actor: Actor; input: { name: unknown } },
  deps: Pick<Context, "db">,
): Promise<Decommission | undefined> {
  requireRole(actor, "viewer", "Reading servers");
  const name = serverNameSchema.safeParse(input.name);
  if (!name.success) return undefined;
  const row = await deps.db.auditEntry.findFirst({
    where: {
      ...aboutServer(name.data),
      action: { notIn: [...serverReportedActions] },
    },
    orderBy: { createdAt: "desc" },
  });
  if (row?.action !== "decommission-server" || row.status !== "succeeded") return undefined;
  if (!row.commitSha || !row.finishedAt) return undefined;
  return {
    name: name.data,
    actorLogin: row.actorLogin,
    commitSha: row.commitSha,
    finishedAt: row.finishedAt,
  };
}
