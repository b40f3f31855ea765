import { createWriteStream } from "node:fs";
import { rename } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PatchedImage } from "@/lib/bootmedia/image/patched-image";

/** Writes the image beside `file` and renames it in: the file is whole or absent. */
export async function writeMediaFile(image: PatchedImage, file: string): Promise<void> {
  const partial = `${file}.partial`;
  await pipeline(Readable.from(image.chunks()), createWriteStream(partial));
  await rename(partial, file);
}
