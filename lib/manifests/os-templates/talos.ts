import { actionImages, installTask } from "../build-template";
import type { TemplateData } from "../template";

/*
 * Talos: the metal image to disk, then kexec into it with `talos.config=<url>`, so Talos fetches
 * its machine configuration and installs itself; later boots use the configuration it keeps.
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
      {
        name: "kexec-talos",
        image: actionImages.kexec,
        timeout: 90,
        pid: "host",
        environment: {
          BLOCK_DEVICE: "{{ formatPartition .install_disk 3 }}",
          FS_TYPE: "xfs",
          KERNEL_PATH: "/A/vmlinuz",
          INITRD_PATH: "/A/initramfs.xz",
          CMD_LINE:
            "talos.platform=metal talos.config={{ .machine_config_url }} console=tty0 init_on_alloc=1 slab_nomerge pti=on printk.devkmsg=on",
        },
      },
    ]),
  ],
};
