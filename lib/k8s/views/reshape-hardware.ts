import type { HardwareObject } from "@/lib/k8s/schemas/tinkerbell";

export type HardwareView = {
  name: string;
  namespace: string;
  hostname: string | null;
  macs: string[];
  ips: string[];
  arch: string | null;
  createdAt: string | null;
};

export function reshapeHardware(hardware: HardwareObject): HardwareView {
  const interfaces = hardware.spec?.interfaces ?? [];
  const dhcp = interfaces.flatMap((entry) => (entry.dhcp ? [entry.dhcp] : []));
  return {
    name: hardware.metadata.name,
    namespace: hardware.metadata.namespace ?? "",
    hostname:
      hardware.spec?.metadata?.instance?.hostname ?? dhcp.find((d) => d.hostname)?.hostname ?? null,
    macs: dhcp.flatMap((d) => (d.mac ? [d.mac.toLowerCase()] : [])),
    ips: dhcp.flatMap((d) => (d.ip?.address ? [d.ip.address] : [])),
    arch: dhcp.find((d) => d.arch)?.arch ?? null,
    createdAt: hardware.metadata.creationTimestamp?.toISOString() ?? null,
  };
}

/** The names a Node provisioned from this Hardware may carry: its hostname, or its own name. */
export function nodeNamesOf(hardware: HardwareView): string[] {
  return [...new Set([hardware.hostname, hardware.name].filter((name): name is string => !!name))];
}
