import { ConflictError } from "@/lib/errors";
import type { BootNetwork, HardwareForMedia } from "@/lib/bootmedia/hardware-schema";

/**
 * The interface per-server media boot from: the first one with a MAC whose netboot is not
 * switched off. Smee refuses to serve a script to a Hardware that disallows PXE, so media for it
 * could never get further than the console's call-home.
 */
export function bootNetwork(hardware: HardwareForMedia): BootNetwork {
  const withMac = hardware.spec.interfaces.filter((nic) => nic.dhcp !== undefined);
  if (withMac.length === 0) {
    throw new ConflictError(`Hardware ${hardware.metadata.name} has no interface with a MAC address.`);
  }
  const bootable = withMac.find((nic) => nic.netboot?.allowPXE !== false);
  if (bootable?.dhcp === undefined) {
    throw new ConflictError(
      `Hardware ${hardware.metadata.name} does not allow netboot (spec.interfaces[].netboot.allowPXE is false).`,
    );
  }
  const { mac, ip, name_servers: nameServers = [] } = bootable.dhcp;
  if (ip === undefined) return { mac };
  return {
    mac,
    static: {
      address: ip.address,
      netmask: ip.netmask,
      ...(ip.gateway ? { gateway: ip.gateway } : {}),
      nameServers,
    },
  };
}
