import { mediaArchName } from "@/lib/bootmedia/media-arch-name";
import type { MediaKind } from "@/lib/bootmedia/schema";

/** The file name a download is saved as, e.g. `foundry-rack1-node3-x86_64.iso`. */
export function mediaFileName(kind: MediaKind, server?: string): string {
  const extension = kind.format === "iso" ? "iso" : "img";
  return `foundry-${server ?? "generic"}-${mediaArchName(kind.arch)}.${extension}`;
}

export function mediaContentType(kind: MediaKind): string {
  return kind.format === "iso" ? "application/x-iso9660-image" : "application/octet-stream";
}
