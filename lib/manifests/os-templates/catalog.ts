import type { TemplateData } from "../template";
import { flatcar } from "./flatcar";
import { goldImage } from "./gold-image";
import { talos } from "./talos";
import { ubuntu2404 } from "./ubuntu-2404";

/** The templates the project ships; people add theirs by committing the same two files. */
export type BuiltInTemplate = { data: TemplateData; metadata: Record<string, unknown> };

const configUrl = {
  name: "machine_config_url",
  type: "url",
  description: "Where the server fetches its machine configuration at first boot (HTTP or HTTPS).",
};

/** Both templates that write cloud-init (first-boot-join.ts) set the time zone from this. */
const timezone = {
  name: "timezone",
  type: "string",
  default: "Etc/UTC",
  description: "The server's time zone.",
};

export const builtInTemplates: BuiltInTemplate[] = [
  {
    data: ubuntu2404,
    metadata: {
      template: "ubuntu-2404",
      displayName: "Ubuntu 24.04 LTS",
      os: "ubuntu",
      version: "24.04",
      arch: ["x86_64", "aarch64"],
      firmware: ["uefi", "bios"],
      description:
        "Streams the Ubuntu cloud image to disk, writes netplan and cloud-init that install Tailscale and join K3s as an agent, then reboots into the disk.",
      parameters: [
        {
          name: "image_url",
          type: "url",
          description: "The Ubuntu 24.04 cloud image (qcow2) to stream to disk.",
          defaultByArch: {
            x86_64:
              "https://cloud-images.ubuntu.com/releases/noble/release/ubuntu-24.04-server-cloudimg-amd64.img",
            aarch64:
              "https://cloud-images.ubuntu.com/releases/noble/release/ubuntu-24.04-server-cloudimg-arm64.img",
          },
        },
        timezone,
      ],
    },
  },
  {
    data: flatcar,
    metadata: {
      template: "flatcar",
      displayName: "Flatcar Container Linux (stable)",
      os: "flatcar",
      version: "stable",
      arch: ["x86_64", "aarch64"],
      firmware: ["uefi", "bios"],
      description:
        "Streams the Flatcar metal image to disk and leaves an Ignition config that merges your machine configuration from its URL at first boot.",
      parameters: [
        {
          name: "image_url",
          type: "url",
          description: "The Flatcar production image (.bin.bz2).",
          defaultByArch: {
            x86_64:
              "https://stable.release.flatcar-linux.net/amd64-usr/current/flatcar_production_image.bin.bz2",
            aarch64:
              "https://stable.release.flatcar-linux.net/arm64-usr/current/flatcar_production_image.bin.bz2",
          },
        },
        configUrl,
        {
          name: "oem_fs_type",
          type: "enum",
          choices: ["btrfs", "ext4"],
          default: "btrfs",
          description: "File system of the image's OEM partition (btrfs on current releases).",
        },
      ],
    },
  },
  {
    data: talos,
    metadata: {
      template: "talos",
      displayName: "Talos Linux",
      os: "talos",
      version: "1.11",
      arch: ["x86_64", "aarch64"],
      firmware: ["bios", "uefi"],
      description:
        "Streams the Talos metal image to disk and reboots into it. Talos finds its machine configuration through the image's kernel arguments: build the image from an Image Factory schematic whose extraKernelArgs hold talos.config=<url> (one URL for every server, e.g. ending ?mac=${mac}). Without it Talos waits in maintenance mode for talosctl apply-config.",
      parameters: [
        {
          name: "image_url",
          type: "url",
          description:
            "A Talos metal image from the Image Factory (.raw.zst). Put talos.config=<url> in its schematic's extraKernelArgs; the default (the empty schematic) has none.",
          defaultByArch: {
            x86_64:
              "https://factory.talos.dev/image/376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba/v1.11.5/metal-amd64.raw.zst",
            aarch64:
              "https://factory.talos.dev/image/376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba/v1.11.5/metal-arm64.raw.zst",
          },
        },
      ],
    },
  },
  {
    data: goldImage,
    metadata: {
      template: "gold-image",
      displayName: "Your own image (gold master)",
      os: "custom",
      version: "pinned by SHA-256",
      arch: ["x86_64", "aarch64"],
      firmware: ["uefi", "bios"],
      description:
        "Streams your image from its URL to the install disk, reads the disk back against the SHA-256 you pin and wipes it if they differ, then leaves the same first-boot join as Ubuntu (cloud-init NoCloud: Tailscale and K3s as an agent) on its root file system. The image needs cloud-init, curl and python3.",
      parameters: [
        {
          name: "image_url",
          type: "url",
          description: "Where the installer downloads your image (HTTPS).",
        },
        {
          name: "image_sha256",
          type: "sha256",
          description:
            "The SHA-256 of the file at that URL, as sha256sum prints it. A different download is never booted.",
        },
        {
          name: "image_format",
          type: "enum",
          choices: ["raw", "xz", "zst", "qcow2"],
          default: "xz",
          description:
            "raw, or raw compressed with xz (.img.xz) or zstd (.img.zst), streamed; qcow2 is downloaded into the installer's memory first.",
        },
        {
          name: "root_partition",
          type: "integer",
          min: 1,
          max: 128,
          default: "2",
          description:
            "The partition of your image that holds its root file system (2 on Raspberry Pi and most board images, 1 on many server images).",
        },
        {
          name: "root_fs_type",
          type: "enum",
          choices: ["ext4", "btrfs"],
          default: "ext4",
          description: "The file system of that partition.",
        },
        timezone,
      ],
    },
  },
];
