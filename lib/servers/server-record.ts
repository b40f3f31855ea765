import type { Hardware } from "@/lib/manifests/hardware";
import { readHardwareDocuments } from "@/lib/manifests/hardware-documents";
import { labelKeys } from "@/lib/manifests/labels";
import { workflowSchema } from "@/lib/manifests/workflow";
import { readYamlObjects } from "@/lib/manifests/yaml-document";
import { prefixLength } from "./network";
import type { InterfaceInput, ServerSpec } from "./schema";

/** A server as its Hardware file in Git says it is. */
export type ServerRecord = ServerSpec & { path: string; allowWorkflow: boolean };

export type WorkflowRecord = {
  path: string;
  name: string;
  server: string;
  generation: number;
  template: string;
  hardwareMap: Record<string, string>;
};

function kindOf(value: unknown): string | undefined {
  return typeof value === "object" &&
    value !== null &&
    "kind" in value &&
    typeof value.kind === "string"
    ? value.kind
    : undefined;
}

function interfacesOf(hardware: Hardware): InterfaceInput[] {
  return (hardware.spec.interfaces ?? []).flatMap((item): InterfaceInput[] => {
    const dhcp = item.dhcp;
    if (!dhcp?.mac) return [];
    const ip = dhcp.ip;
    if (ip?.address && ip.netmask && ip.gateway) {
      return [
        {
          mode: "static",
          mac: dhcp.mac,
          address: ip.address,
          netmask: ip.netmask,
          gateway: ip.gateway,
          nameServers: dhcp.name_servers ?? [],
        },
      ];
    }
    return [{ mode: "dhcp", mac: dhcp.mac }];
  });
}

/** Reads a Hardware file the console (or a person) wrote; undefined when it holds no Hardware. */
export function serverRecordOf(path: string, text: string): ServerRecord | undefined {
  const { hardware: parsed, machine } = readHardwareDocuments(text);
  if (!parsed?.success) return undefined;
  const hardware = parsed.data;
  const first = hardware.spec.interfaces?.[0]?.dhcp;
  const labels = hardware.metadata.labels ?? {};
  const host = machine?.spec.connection.host;
  const secretName = machine?.spec.connection.authSecretRef?.name;
  const redfish = machine?.spec.connection.providerOptions?.redfish;
  return {
    path,
    name: hardware.metadata.name,
    hostname:
      hardware.spec.metadata?.instance?.hostname ?? first?.hostname ?? hardware.metadata.name,
    arch: first?.arch === "aarch64" ? "aarch64" : "x86_64",
    firmware: first?.uefi === false ? "bios" : "uefi",
    installDisk: hardware.spec.disks?.[0]?.device ?? "",
    interfaces: interfacesOf(hardware),
    site: labels[labelKeys.site],
    rack: labels[labelKeys.rack],
    bmc:
      host && secretName
        ? {
            address: host,
            secretName,
            ...(redfish?.port !== undefined ? { port: redfish.port } : {}),
            ...(redfish?.useBasicAuth === true ? { basicAuth: true } : {}),
          }
        : undefined,
    allowWorkflow:
      hardware.spec.interfaces?.some((item) => item.netboot?.allowWorkflow === true) ?? false,
  };
}

export function workflowRecordOf(path: string, text: string): WorkflowRecord | undefined {
  const workflow = readYamlObjects(text)
    .filter((value) => kindOf(value) === "Workflow")
    .map((value) => workflowSchema.safeParse(value))
    .find((result) => result.success)?.data;
  if (!workflow?.spec.hardwareRef) return undefined;
  const fromLabel = Number(workflow.metadata.labels?.[labelKeys.generation]);
  const fromName = Number(/-(\d+)$/.exec(workflow.metadata.name)?.[1]);
  return {
    path,
    name: workflow.metadata.name,
    server: workflow.spec.hardwareRef,
    generation:
      Number.isInteger(fromLabel) && fromLabel > 0
        ? fromLabel
        : Number.isInteger(fromName)
          ? fromName
          : 0,
    template: workflow.spec.templateRef ?? "",
    hardwareMap: workflow.spec.hardwareMap ?? {},
  };
}

export function cidrOf(address: string, netmask: string): string {
  return `${address}/${prefixLength(netmask) ?? 32}`;
}
