import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fatSizeKib, makeFatImage, type FatFile } from "@/lib/bootmedia/image/fat-image";
import { debianBootFiles, runTool } from "@/lib/bootmedia/image/image-tools";
import type { IpxeBinaries } from "@/lib/bootmedia/ipxe/ipxe-binaries";
import { mbrDisk, partitionStartSector } from "@/lib/bootmedia/image/mbr";

// SYSLINUX reads the same script file the EFI iPXE runs: one slot in the image, not two.
const syslinuxCfg = [
  "DEFAULT ipxe",
  "PROMPT 0",
  "TIMEOUT 0",
  "LABEL ipxe",
  "  KERNEL /ipxe.lkrn",
  "  INITRD /EFI/BOOT/autoexec.ipxe",
  "",
].join("\n");

/**
 * The USB disk image: an MBR and one FAT partition holding the EFI iPXE and, on x86_64,
 * SYSLINUX with ipxe.lkrn for BIOS. What Etcher, Rufus (DD mode) and `dd` write as it is.
 */
export async function buildUsbTemplate(options: {
  binaries: IpxeBinaries;
  placeholder: string;
  workDir: string;
  output: string;
}): Promise<void> {
  const { binaries, placeholder, workDir, output } = options;
  const partition = path.join(workDir, "partition.img");
  const cfg = path.join(workDir, "syslinux.cfg");
  const files: FatFile[] = [
    { from: binaries.efi, to: `EFI/BOOT/${binaries.efiBootName}` },
    { from: placeholder, to: "EFI/BOOT/autoexec.ipxe" },
  ];
  if (binaries.bios !== undefined) {
    await writeFile(cfg, syslinuxCfg);
    files.push({ from: binaries.bios, to: "ipxe.lkrn" }, { from: cfg, to: "syslinux.cfg" });
  }
  await makeFatImage({
    path: partition,
    label: "FOUNDRY",
    sizeKib: await fatSizeKib(files, 128),
    files,
    hiddenSectors: partitionStartSector,
  });
  if (binaries.bios !== undefined) await runTool("syslinux", ["--install", partition]);
  const disk = mbrDisk({
    bootCode: binaries.bios !== undefined ? await readFile(debianBootFiles.mbr) : undefined,
    partition: await readFile(partition),
    type: binaries.bios !== undefined ? "fat16-lba" : "efi-system",
  });
  await writeFile(output, disk);
}
