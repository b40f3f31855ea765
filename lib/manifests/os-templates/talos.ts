import { actionImages, installTask, rebootAction } from "../build-template";
import type { TemplateData } from "../template";

/*
 * Talos: the metal image to disk, then a reboot into it; the image's own kernel arguments (its
 * Image Factory schematic) say where Talos fetches its machine configuration. No kexec: since
 * Talos 1.10 arm64 images hold only systemd-boot UKIs (no /A/vmlinuz), and a kexec'd first boot
 * of the x86 dual-boot image makes Talos keep GRUB and delete the EFI partition a UEFI server
 * boots from (CleanupBootloader, Talos v1.11.5). A reboot lets the firmware pick the loader.
 */
export const talos: TemplateData = {
  version: "0.1",
  name: "talos",
  global_timeout: 3600,
  tasks: [
    installTask([
      {
        name: "stream-talos-image",
        image: actionImages.image2disk,
        timeout: 1200,
        environment: {
          DEST_DISK: "{{ .install_disk }}",
          IMG_URL: "{{ .image_url }}",
          COMPRESSED: "true",
        },
      },
      rebootAction(),
    ]),
  ],
};
