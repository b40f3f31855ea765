import type { MediaTemplate } from "@/lib/bootmedia/image/media-template";
import { fitScript } from "@/lib/bootmedia/image/script-slot";

/** One download: the template with its script slots overwritten, never copied as a whole. */
export type PatchedImage = {
  size: number;
  /** SHA-256 of the whole image, hex. */
  sha256: string;
  /** The bytes from `start` to `end` inclusive, as views into the template and the slot. */
  chunks(start?: number, end?: number): Generator<Buffer>;
};

const chunkSize = 64 * 1024;

export function patchImage(template: MediaTemplate, script: string): PatchedImage {
  const slot = fitScript(script, template.slotSize);
  const { bytes, slots } = template;

  function* chunks(start = 0, end = bytes.length - 1): Generator<Buffer> {
    let at = start;
    for (const offset of [...slots, bytes.length]) {
      if (at > end) return;
      const plainEnd = Math.min(offset, end + 1);
      for (; at < plainEnd; at = Math.min(at + chunkSize, plainEnd)) {
        yield bytes.subarray(at, Math.min(at + chunkSize, plainEnd));
      }
      if (offset === bytes.length) return;
      const slotEnd = Math.min(offset + slot.length, end + 1);
      if (at < slotEnd) {
        yield slot.subarray(at - offset, slotEnd - offset);
        at = slotEnd;
      }
    }
  }

  const hash = template.prefixHash.copy();
  for (const chunk of chunks(slots[0] ?? bytes.length)) hash.update(chunk);
  return { size: bytes.length, sha256: hash.digest("hex"), chunks };
}
