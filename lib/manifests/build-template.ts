import { labelKeys, managedByConsole } from "./labels";
import { tinkerbellApiVersion, tinkerbellNamespace } from "./object-meta";
import type { Template, TemplateAction, TemplateData } from "./template";
import { toYaml } from "./yaml-document";

/** A Template whose `spec.data` is the serialised workflow definition. */
export function buildTemplate(name: string, data: TemplateData): Template {
  return {
    apiVersion: tinkerbellApiVersion,
    kind: "Template",
    metadata: {
      name,
      namespace: tinkerbellNamespace,
      labels: { [labelKeys.managedBy]: managedByConsole },
    },
    spec: { data: toYaml(data) },
  };
}

/** The one task every OS template runs on the server being installed. */
export function installTask(actions: TemplateAction[]): TemplateData["tasks"][number] {
  return {
    name: "os-installation",
    worker: "{{.device_1}}",
    volumes: ["/dev:/dev", "/dev/console:/dev/console", "/lib/firmware:/lib/firmware:ro"],
    actions,
  };
}

export const actionImages = {
  image2disk: "quay.io/tinkerbell/actions/image2disk:latest",
  qemuimg2disk: "quay.io/tinkerbell/actions/qemuimg2disk:latest",
  writefile: "quay.io/tinkerbell/actions/writefile:latest",
  waitdaemon: "ghcr.io/jacobweinstock/waitdaemon:latest",
  alpine: "docker.io/library/alpine:3.22",
} as const;

/**
 * The install disk's partition, as the template names it: a number, or a template expression for
 * one (e.g. `(atoi .root_partition)` for a parameter: hardwareMap values are strings).
 */
export type PartitionRef = number | `(${string})`;

export function partitionDisk(partition: PartitionRef): string {
  return `{{ formatPartition .install_disk ${partition} }}`;
}

/** Writes one file into a partition of the install disk. */
export function writeFileAction(input: {
  name: string;
  partition: PartitionRef;
  fsType: string;
  path: string;
  contents: string;
  mode?: string;
}): TemplateAction {
  return {
    name: input.name,
    image: actionImages.writefile,
    timeout: 90,
    environment: {
      DEST_DISK: partitionDisk(input.partition),
      FS_TYPE: input.fsType,
      DEST_PATH: input.path,
      CONTENTS: input.contents,
      UID: "0",
      GID: "0",
      MODE: input.mode ?? "0644",
      DIRMODE: "0755",
    },
  };
}

/*
 * HookOS runs actions on its own Docker engine; waitdaemon asks that engine, through its socket,
 * to start the reboot a few seconds later, and exits at once so this last action reports SUCCESS
 * and Tinkerbell turns allowPXE off (waitdaemon README; hook v0.11.0 hook-docker).
 */
const dockerSocketVolume = "/var/run/docker.sock:/var/run/docker.sock";

/** Reboots into the disk once the workflow has reported success. */
export function rebootAction(): TemplateAction {
  return {
    name: "reboot-into-disk",
    image: actionImages.waitdaemon,
    timeout: 90,
    pid: "host",
    command: ["reboot"],
    environment: { IMAGE: actionImages.alpine, WAIT_SECONDS: "10", CONTAINER_RUNTIME: "docker" },
    volumes: [dockerSocketVolume],
  };
}
