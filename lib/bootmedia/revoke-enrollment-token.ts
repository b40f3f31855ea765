import { z } from "zod";
import type { Actor } from "@/lib/actor";
import type { BootMediaDeps } from "@/lib/bootmedia/deps";
import { idSchema } from "@/lib/bootmedia/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { audited, parseInput, requireRole } from "@/lib/verb";
import { badRequestSummary } from "@/lib/field-issues";

export const revokeEnrollmentTokenSchema = z.object({ tokenId: idSchema });

/** A person revokes one token: media holding it can no longer report a boot. */
export async function revokeEnrollmentToken(
  { actor, input }: { actor: Actor; input: unknown },
  deps: Pick<BootMediaDeps, "db" | "audit" | "now">,
): Promise<{ tokenId: string; server: string }> {
  requireRole(actor, "operator", "Revoking an enrollment token");
  const { tokenId } = parseInput(revokeEnrollmentTokenSchema, input, badRequestSummary);
  const row = await deps.db.enrollmentToken.findUnique({ where: { id: tokenId } });
  if (row === null) throw new NotFoundError("No such enrollment token.");
  return audited(
    deps.audit,
    { actor, action: "revoke-enrollment-token", target: row.serverName },
    async () => {
      const { count } = await deps.db.enrollmentToken.updateMany({
        where: { id: tokenId, revokedAt: null },
        data: { revokedAt: deps.now(), revokedReason: `revoked by ${actor.login}` },
      });
      if (count === 0) throw new ConflictError("This token was already revoked.");
      return { tokenId, server: row.serverName };
    },
  );
}
