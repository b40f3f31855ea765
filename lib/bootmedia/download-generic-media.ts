import { z } from "zod";
import type { Actor } from "@/lib/actor";
import type { BootMediaDeps } from "@/lib/bootmedia/deps";
import { genericScript } from "@/lib/bootmedia/ipxe/generic-script";
import { mediaArchName } from "@/lib/bootmedia/media-arch-name";
import { mediaContentType, mediaFileName } from "@/lib/bootmedia/media-file";
import type { MediaDownload } from "@/lib/bootmedia/media-response";
import { patchImage } from "@/lib/bootmedia/image/patched-image";
import { mediaKindSchema } from "@/lib/bootmedia/schema";
import { requireSmeeUrl } from "@/lib/bootmedia/ipxe/smee-url";
import { audited, parseInput, requireRole } from "@/lib/verb";
import { badRequestSummary } from "@/lib/field-issues";

export const genericMediaInputSchema = mediaKindSchema.extend({
  /** A resumed download (a later byte range) is not audited again; HEAD and checksums neither. */
  audit: z.boolean().default(true),
});

/** Generic media for any machine: DHCP, then Smee. Anyone signed in may download them. */
export async function downloadGenericMedia(
  { actor, input }: { actor: Actor; input: unknown },
  deps: BootMediaDeps,
): Promise<MediaDownload> {
  requireRole(actor, "viewer", "Downloading generic boot media");
  const { audit, ...kind } = parseInput(genericMediaInputSchema, input, badRequestSummary);
  const smeeScriptUrl = requireSmeeUrl(deps.bootMedia);
  const build = async (): Promise<MediaDownload> => ({
    image: patchImage(await deps.templates.get(kind), genericScript({ smeeScriptUrl })),
    fileName: mediaFileName(kind),
    contentType: mediaContentType(kind),
    private: false,
  });
  if (!audit) return build();
  return audited(
    deps.audit,
    {
      actor,
      action: "download-boot-media",
      target: `generic ${mediaArchName(kind.arch)} ${kind.format}`,
    },
    build,
  );
}
