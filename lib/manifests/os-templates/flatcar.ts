import { actionImages, installTask, rebootAction, writeFileAction } from "../build-template";
import type { TemplateData } from "../template";

/*
 * Flatcar: the metal image to disk, then an Ignition config on the OEM partition that merges the
 * machine configuration from its URL at first boot.
 */
const ignition = JSON.stringify({
  ignition: { version: "3.4.0", config: { merge: [{ source: "{{ .machine_config_url }}" }] } },
});

export const flatcar: TemplateData = {
  version: "0.1",
  name: "flatcar",
  global_timeout: 3600,
  tasks: [
    installTask([
      {
        name: "stream-flatcar-image",
        image: actionImages.image2disk,
        timeout: 1200,
        environment: {
          DEST_DISK: "{{ .install_disk }}",
          IMG_URL: "{{ .image_url }}",
          COMPRESSED: "true",
        },
      },
      writeFileAction({
        name: "write-ignition-config",
        partition: 6,
        fsType: "{{ .oem_fs_type }}",
        path: "/config.ign",
        contents: ignition,
        mode: "0600",
      }),
      rebootAction(),
    ]),
  ],
};
