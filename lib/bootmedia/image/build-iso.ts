import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fatSizeKib, makeFatImage, type FatFile } from "@/lib/bootmedia/image/fat-image";
import { debianBootFiles, runTool } from "@/lib/bootmedia/image/image-tools";
import type { IpxeBinaries } from "@/lib/bootmedia/ipxe/ipxe-binaries";

const isolinuxCfg = [
  "DEFAULT ipxe",
  "PROMPT 0",
  "TIMEOUT 0",
  "LABEL ipxe",
  "  KERNEL /ipxe.lkrn",
  "  INITRD /autoexec.ipxe",
  "",
].join("\n");

/**
 * The hybrid ISO (CD, BMC virtual media, USB stick): ISOLINUX loads ipxe.lkrn with the script as
 * its initrd under BIOS; UEFI boots the EFI image, whose iPXE runs the autoexec.ipxe beside it.
 */
export async function buildIsoTemplate(options: {
  binaries: IpxeBinaries;
  placeholder: string;
  workDir: string;
  output: string;
}): Promise<void> {
  const { binaries, placeholder, workDir, output } = options;
  const root = path.join(workDir, "iso");
  await mkdir(root, { recursive: true });
  const efiFiles: FatFile[] = [
    { from: binaries.efi, to: `EFI/BOOT/${binaries.efiBootName}` },
    { from: placeholder, to: "EFI/BOOT/autoexec.ipxe" },
  ];
  // With ISOLINUX the EFI image is a file of the ISO; without (arm64) it is appended, see below.
  const efiImage = path.join(binaries.bios !== undefined ? root : workDir, "efiboot.img");
  await makeFatImage({
    path: efiImage,
    label: "FOUNDRYEFI",
    sizeKib: await fatSizeKib(efiFiles),
    files: efiFiles,
  });
  const bios: string[] = [];
  if (binaries.bios !== undefined) {
    await mkdir(path.join(root, "isolinux"));
    await copyFile(debianBootFiles.isolinuxBin, path.join(root, "isolinux", "isolinux.bin"));
    await copyFile(debianBootFiles.ldlinux, path.join(root, "isolinux", "ldlinux.c32"));
    await writeFile(path.join(root, "isolinux", "isolinux.cfg"), isolinuxCfg);
    await copyFile(binaries.bios, path.join(root, "ipxe.lkrn"));
    await copyFile(placeholder, path.join(root, "autoexec.ipxe"));
    bios.push(
      "-isohybrid-mbr",
      debianBootFiles.isohybridMbr,
      "-b",
      "isolinux/isolinux.bin",
      "-c",
      "isolinux/boot.cat",
      "-no-emul-boot",
      "-boot-load-size",
      "4",
      "-boot-info-table",
      "-eltorito-alt-boot",
    );
  }
  // Without ISOLINUX (arm64) the EFI image is appended as a GPT partition, which USB sticks
  // boot from, and the El Torito entry for CDs points at that same partition.
  const efi =
    binaries.bios !== undefined
      ? ["-e", "efiboot.img", "-no-emul-boot", "-isohybrid-gpt-basdat"]
      : [
          "-append_partition",
          "2",
          "0xef",
          efiImage,
          "-e",
          "--interval:appended_partition_2:all::",
          "-no-emul-boot",
          "-appended_part_as_gpt",
        ];
  await runTool("xorriso", [
    "-as",
    "mkisofs",
    "-quiet",
    "-o",
    output,
    "-V",
    "FOUNDRY_IPXE",
    // Fixed dates (with SOURCE_DATE_EPOCH): every build of a template is the same bytes.
    "--modification-date=2025010100000000",
    "--set_all_file_dates",
    "2025010100000000",
    "-J",
    "-r",
    ...bios,
    ...efi,
    root,
  ]);
}
