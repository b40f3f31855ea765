import { actionImages, installTask, rebootAction, writeFileAction } from "../build-template";
import type { TemplateData } from "../template";
import { toYaml } from "../yaml-document";
import { firstBootJoinActions, firstBootNetplan, type RootFileSystem } from "./first-boot-join";

/*
 * Ubuntu 24.04: stream the cloud image to disk, write netplan (cloud-init's own network step is
 * off) and the first-boot join (a NoCloud seed whose cloud-init installs Tailscale and joins K3s
 * as an agent), then reboot into the disk.
 */
const root: RootFileSystem = { partition: 1, fsType: "ext4" };

export const ubuntu2404: TemplateData = {
  version: "0.1",
  name: "ubuntu-2404",
  global_timeout: 3600,
  tasks: [
    installTask([
      {
        name: "stream-ubuntu-image",
        image: actionImages.qemuimg2disk,
        timeout: 1200,
        environment: { DEST_DISK: "{{ .install_disk }}", IMG_URL: "{{ .image_url }}" },
      },
      writeFileAction({
        ...root,
        name: "write-netplan",
        path: "/etc/netplan/50-foundry.yaml",
        contents: firstBootNetplan,
        mode: "0600",
      }),
      writeFileAction({
        ...root,
        name: "disable-cloud-init-network",
        path: "/etc/cloud/cloud.cfg.d/99-foundry-network.cfg",
        contents: toYaml({ network: { config: "disabled" } }),
      }),
      ...firstBootJoinActions(root),
      rebootAction(),
    ]),
  ],
};
