import type { Actor } from "@/lib/actor";
import { bootNetwork } from "@/lib/bootmedia/ipxe/boot-network";
import type { BootMediaDeps } from "@/lib/bootmedia/deps";
import { newEnrollmentToken } from "@/lib/bootmedia/enrollment-token";
import { mediaArchName, type MediaArchName } from "@/lib/bootmedia/media-arch-name";
import { mediaFileName } from "@/lib/bootmedia/media-file";
import { patchImage } from "@/lib/bootmedia/image/patched-image";
import { readHardware } from "@/lib/bootmedia/read-hardware";
import { serverMediaInputSchema, type MediaFormat } from "@/lib/bootmedia/schema";
import { serverScript } from "@/lib/bootmedia/ipxe/server-script";
import { requireSmeeUrl } from "@/lib/bootmedia/ipxe/smee-url";
import { InvalidError } from "@/lib/errors";
import { audited, parseInput, requireRole } from "@/lib/verb";
import { badRequestSummary } from "@/lib/field-issues";

export type ServerMedia = {
  ticketId: string;
  downloadPath: string;
  server: string;
  /** As the file name spells it: the JSON API answered arm64 before the console said aarch64. */
  arch: MediaArchName;
  format: MediaFormat;
  fileName: string;
  size: number;
  sha256: string;
  tokenId: string;
  expiresAt: Date;
};

/**
 * Per-server media: the server's addresses from its Hardware and a fresh enrollment token
 * (stored hashed), patched into the template. The download itself is `openServerMedia`.
 */
export async function createServerMedia(
  { actor, input }: { actor: Actor; input: unknown },
  deps: BootMediaDeps,
): Promise<ServerMedia> {
  requireRole(actor, "operator", "Making per-server boot media");
  const { server, ...kind } = parseInput(serverMediaInputSchema, input, badRequestSummary);
  const smeeScriptUrl = requireSmeeUrl(deps.bootMedia);
  const hardware = await readHardware(await deps.headTree(), server);
  const serverArch = hardware.interfaces.find((nic) => nic.dhcp?.arch)?.dhcp?.arch;
  // Media for the other architecture would not start: its firmware cannot run that iPXE.
  if (serverArch !== undefined && serverArch !== kind.arch) {
    throw new InvalidError(
      `${server} is ${serverArch} in its Hardware: make ${serverArch} media for it, ${kind.arch} media would not start`,
      {
        arch: [`must be ${serverArch}: ${server}'s firmware cannot start ${kind.arch} media`],
      },
    );
  }
  const network = bootNetwork(hardware);
  const template = await deps.templates.get(kind);
  return audited(deps.audit, { actor, action: "create-boot-media", target: server }, async () => {
    const { token, hash } = newEnrollmentToken();
    const script = serverScript({
      server,
      network,
      token,
      smeeScriptUrl,
      publicUrl: deps.bootMedia.publicUrl,
    });
    // Patched before the token is stored: a script too long for the slot stores nothing.
    const image = patchImage(template, script);
    const now = deps.now();
    const row = await deps.db.enrollmentToken.create({
      data: {
        tokenHash: hash,
        serverName: server,
        arch: kind.arch,
        format: kind.format,
        createdById: actor.id,
        createdByLogin: actor.login,
        createdAt: now,
        expiresAt: new Date(now.getTime() + deps.bootMedia.tokenTtlHours * 3_600_000),
      },
    });
    const ticket = deps.tickets.add(
      { server, kind, tokenId: row.id, script, createdById: actor.id, expiresAt: row.expiresAt },
      now,
    );
    return {
      ticketId: ticket.id,
      downloadPath: `/api/media/downloads/${ticket.id}`,
      server,
      arch: mediaArchName(kind.arch),
      format: kind.format,
      fileName: mediaFileName(kind, server),
      size: image.size,
      sha256: image.sha256,
      tokenId: row.id,
      expiresAt: row.expiresAt,
    };
  });
}
