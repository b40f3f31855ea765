import { stat } from "node:fs/promises";
import { runTool } from "@/lib/bootmedia/image/image-tools";

export type FatFile = { from: string; to: string };

const kib = 1024;

/** Room for the files plus FAT overhead and slack, in KiB, at least 1.44 MB like a floppy. */
export async function fatSizeKib(files: FatFile[], extraKib = 0): Promise<number> {
  // stat follows symlinks: Debian ships some iPXE binaries as links to others.
  const sizes = await Promise.all(files.map(async (file) => (await stat(file.from)).size));
  const content = sizes.reduce((sum, size) => sum + Math.ceil(size / (4 * kib)) * 4, 0);
  return Math.max(1440, Math.ceil(((content + extraKib) * 1.15 + 256) / 64) * 64);
}

/** A FAT image made without mounting anything: mkfs.fat, then mtools. */
export async function makeFatImage(options: {
  path: string;
  label: string;
  sizeKib: number;
  files: FatFile[];
  /** Where the partition starts on its disk, for the boot sector; 0 for a bare image. */
  hiddenSectors?: number;
}): Promise<void> {
  const { path, label, sizeKib, files, hiddenSectors = 0 } = options;
  await runTool("mkfs.fat", [
    "-C",
    "-n",
    label,
    "-i",
    "f0d4f0d4",
    "-h",
    String(hiddenSectors),
    "--invariant",
    path,
    String(sizeKib),
  ]);
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.to.split("/").slice(0, -1);
    for (let depth = 1; depth <= parts.length; depth++)
      folders.add(parts.slice(0, depth).join("/"));
  }
  const sorted = [...folders].sort((a, b) => a.split("/").length - b.split("/").length);
  if (sorted.length > 0)
    await runTool("mmd", ["-i", path, ...sorted.map((folder) => `::/${folder}`)]);
  for (const file of files) await runTool("mcopy", ["-i", path, file.from, `::/${file.to}`]);
}
