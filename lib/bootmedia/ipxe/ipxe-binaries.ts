import path from "node:path";
import type { Architecture } from "@/lib/servers/schema";

/** The iPXE builds each architecture boots (Debian trixie's `ipxe` package file names). */
export type IpxeBinaries = { bios?: string; efi: string; efiBootName: string };

export function ipxeBinaries(ipxeDir: string, arch: Architecture): IpxeBinaries {
  if (arch === "aarch64") {
    return { efi: path.join(ipxeDir, "ipxe-arm64.efi"), efiBootName: "BOOTAA64.EFI" };
  }
  return {
    bios: path.join(ipxeDir, "ipxe.lkrn"),
    efi: path.join(ipxeDir, "ipxe-amd64.efi"),
    efiBootName: "BOOTX64.EFI",
  };
}
