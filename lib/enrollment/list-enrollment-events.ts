import { z } from "zod";
import type { Actor } from "@/lib/actor";
import type { EnrollmentDeps } from "@/lib/enrollment/deps";
import { enrollmentEventKinds, type EnrollmentEventKind } from "@/lib/enrollment/schema";
import { serverNameSchema } from "@/lib/servers/schema";
import { parseInput, requireRole } from "@/lib/verb";
import { badRequestSummary } from "@/lib/field-issues";

export type EnrollmentEventView = {
  id: string;
  server: string;
  generation: number | null;
  kind: EnrollmentEventKind;
  detail: string;
  occurredAt: Date;
};

const inputSchema = z.object({
  server: serverNameSchema,
  limit: z.number().int().min(1).max(200).default(20),
});
const kindSchema = z.enum(enrollmentEventKinds);

/** A server's first-boot steps, newest first: for its timeline. */
export async function listEnrollmentEvents(
  { actor, input }: { actor: Actor; input: unknown },
  deps: Pick<EnrollmentDeps, "db">,
): Promise<EnrollmentEventView[]> {
  requireRole(actor, "viewer", "Reading enrollment events");
  const { server, limit } = parseInput(inputSchema, input, badRequestSummary);
  const rows = await deps.db.enrollmentEvent.findMany({
    where: { serverName: server },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.flatMap((row) => {
    const kind = kindSchema.safeParse(row.kind);
    if (!kind.success) return [];
    return [
      {
        id: row.id,
        server: row.serverName,
        generation: row.generation,
        kind: kind.data,
        detail: row.detail,
        occurredAt: row.occurredAt,
      },
    ];
  });
}
