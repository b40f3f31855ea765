import { actionImages, installTask, rebootAction, writeFileAction } from "../build-template";
import type { TemplateAction, TemplateData } from "../template";
import { firstBootJoinActions, firstBootNetplan, type RootFileSystem } from "./first-boot-join";
import { goldImageStateDir, verifyImageScript, writeImageScript } from "./gold-image-scripts";

/*
 * A person's own image (a "gold master" built once for a fleet of boards or servers): streamed
 * from its HTTPS URL onto the install disk, read back against its pinned SHA-256, then the same
 * first-boot join as Ubuntu on the root file system the parameters name. The image brings
 * cloud-init (NoCloud); its network comes from the seed's network-config.
 */
const root: RootFileSystem = { partition: "(atoi .root_partition)", fsType: "{{ .root_fs_type }}" };

const imageEnvironment = {
  DEST_DISK: "{{ .install_disk }}",
  IMAGE_URL: "{{ .image_url }}",
  IMAGE_SHA256: "{{ .image_sha256 }}",
  IMAGE_FORMAT: "{{ .image_format }}",
  IMAGE_STATE_DIR: goldImageStateDir,
};

function imageStep(name: string, script: string, timeout: number): TemplateAction {
  return {
    name,
    image: actionImages.alpine,
    timeout,
    command: ["/bin/sh", "-c", script],
    environment: imageEnvironment,
    volumes: [`${goldImageStateDir}:${goldImageStateDir}`],
  };
}

export const goldImage: TemplateData = {
  version: "0.1",
  name: "gold-image",
  global_timeout: 7200,
  tasks: [
    installTask([
      imageStep("write-image", writeImageScript, 3600),
      imageStep("verify-image-checksum", verifyImageScript, 1800),
      writeFileAction({
        ...root,
        name: "write-cloud-init-network-config",
        path: "/var/lib/cloud/seed/nocloud/network-config",
        contents: firstBootNetplan,
        mode: "0600",
      }),
      ...firstBootJoinActions(root),
      rebootAction(),
    ]),
  ],
};
