import { z } from "zod";
import type { Actor } from "@/lib/actor";
import type { BootMediaDeps } from "@/lib/bootmedia/deps";
import { viewOf, type BootEventView } from "@/lib/bootmedia/record-media-boot";
import { serverNameSchema } from "@/lib/servers/schema";
import { parseInput, requireRole } from "@/lib/verb";
import { badRequestSummary } from "@/lib/field-issues";

export type { BootEventView } from "@/lib/bootmedia/record-media-boot";

const inputSchema = z.object({
  server: serverNameSchema,
  limit: z.number().int().min(1).max(500).default(50),
});

/** A server's "booted from media" and "netboot refused" events, newest first: for its timeline. */
export async function listBootEvents(
  { actor, input }: { actor: Actor; input: unknown },
  deps: Pick<BootMediaDeps, "db">,
): Promise<BootEventView[]> {
  requireRole(actor, "viewer", "Reading boot events");
  const { server, limit } = parseInput(inputSchema, input, badRequestSummary);
  const rows = await deps.db.bootEvent.findMany({
    where: { serverName: server },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map(viewOf);
}
