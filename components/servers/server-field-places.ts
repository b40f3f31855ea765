import type { FieldPlace } from "@/components/ui/error-summary";

const fixed: Record<string, FieldPlace> = {
  name: { label: "Name", id: "name" },
  hostname: { label: "Hostname", id: "hostname" },
  arch: { label: "Architecture", id: "arch" },
  firmware: { label: "Boot firmware", id: "firmware" },
  installDisk: { label: "Install disk", id: "installDisk" },
  site: { label: "Site", id: "site" },
  rack: { label: "Rack", id: "rack" },
  interfaces: { label: "Network interfaces", id: "mac-0" },
  "bmc.address": { label: "BMC address", id: "bmcAddress" },
  "bmc.secretName": { label: "Secret with the BMC credentials", id: "bmcSecret" },
  "bmc.port": { label: "BMC Redfish port", id: "bmcPort" },
};

const perInterface: Record<string, { label: string; id: string }> = {
  mac: { label: "MAC", id: "mac" },
  mode: { label: "Address", id: "mode" },
  address: { label: "IP address", id: "address" },
  netmask: { label: "Netmask", id: "netmask" },
  gateway: { label: "Gateway", id: "gateway" },
  nameServers: { label: "DNS servers", id: "dns" },
};

/** Where the register and edit form shows a field the server names by its path. */
export function serverFieldPlace(path: string): FieldPlace | undefined {
  const nic = /^interfaces\.(\d+)\.(\w+)/.exec(path);
  if (nic?.[1] && nic[2]) {
    const field = perInterface[nic[2]];
    const index = Number(nic[1]);
    return (
      field && { label: `${field.label} (interface ${index + 1})`, id: `${field.id}-${index}` }
    );
  }
  return fixed[path];
}
