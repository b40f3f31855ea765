import { z } from "zod";
import type { Actor } from "@/lib/actor";
import type { BootMediaDeps } from "@/lib/bootmedia/deps";
import { architectureSchema, type MediaFormat } from "@/lib/bootmedia/schema";
import { serverNameSchema, type Architecture } from "@/lib/servers/schema";
import { parseInput, requireRole } from "@/lib/verb";
import { badRequestSummary } from "@/lib/field-issues";

export type EnrollmentTokenView = {
  id: string;
  server: string;
  arch: Architecture;
  format: MediaFormat;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  boots: number;
};

const inputSchema = z.object({ server: serverNameSchema.optional() });
// Rows written before boot media used Tinkerbell's names say arm64; the schema reads it as aarch64.
const storedArchSchema = architectureSchema.catch("x86_64");

/** Live boot-media tokens (neither expired nor revoked), newest first; never their hashes. */
export async function listEnrollmentTokens(
  { actor, input }: { actor: Actor; input: unknown },
  deps: Pick<BootMediaDeps, "db" | "now">,
): Promise<EnrollmentTokenView[]> {
  requireRole(actor, "viewer", "Listing enrollment tokens");
  const { server } = parseInput(inputSchema, input, badRequestSummary);
  const rows = await deps.db.enrollmentToken.findMany({
    where: {
      purpose: "boot-media",
      revokedAt: null,
      expiresAt: { gt: deps.now() },
      ...(server ? { serverName: server } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    // A refusal (Smee had nothing) follows a boot; it is not one more.
    include: { _count: { select: { bootEvents: { where: { kind: "booted" } } } } },
  });
  return rows.map((row) => ({
    id: row.id,
    server: row.serverName,
    arch: storedArchSchema.parse(row.arch),
    format: row.format === "usb" ? "usb" : "iso",
    createdBy: row.createdByLogin,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    boots: row._count.bootEvents,
  }));
}
