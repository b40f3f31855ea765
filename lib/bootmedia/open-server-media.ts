import { z } from "zod";
import type { Actor } from "@/lib/actor";
import type { BootMediaDeps } from "@/lib/bootmedia/deps";
import { mediaContentType, mediaFileName } from "@/lib/bootmedia/media-file";
import type { MediaDownload } from "@/lib/bootmedia/media-response";
import { patchImage } from "@/lib/bootmedia/image/patched-image";
import { ticketIdSchema } from "@/lib/bootmedia/download-tickets";
import { NotFoundError } from "@/lib/errors";
import { audited, parseInput, requireRole } from "@/lib/verb";
import { badRequestSummary } from "@/lib/field-issues";

export const openServerMediaInputSchema = z.object({
  ticket: ticketIdSchema,
  audit: z.boolean().default(true),
});

/**
 * The bytes of per-server media made by `createServerMedia`, the same on every request for the
 * ticket (so downloads resume), while its token is live.
 */
export async function openServerMedia(
  { actor, input }: { actor: Actor; input: unknown },
  deps: BootMediaDeps,
): Promise<MediaDownload> {
  requireRole(actor, "operator", "Downloading per-server boot media");
  const { ticket: ticketId, audit } = parseInput(
    openServerMediaInputSchema,
    input,
    badRequestSummary,
  );
  const now = deps.now();
  const ticket = deps.tickets.get(ticketId, now);
  const live =
    ticket &&
    (await deps.db.enrollmentToken.findFirst({
      where: { id: ticket.tokenId, revokedAt: null, expiresAt: { gt: now } },
    }));
  if (!ticket || !live) {
    throw new NotFoundError(
      "This download has expired or its token was revoked; make the media again.",
    );
  }
  const { server, kind, script } = ticket;
  const build = async (): Promise<MediaDownload> => ({
    image: patchImage(await deps.templates.get(kind), script),
    fileName: mediaFileName(kind, server),
    contentType: mediaContentType(kind),
    private: true,
  });
  if (!audit) return build();
  return audited(deps.audit, { actor, action: "download-boot-media", target: server }, build);
}
