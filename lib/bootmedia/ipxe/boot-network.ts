import { ConflictError } from "@/lib/errors";
import type { BootNetwork, HardwareForMedia } from "@/lib/bootmedia/hardware-for-media";

/**
 * The interface per-server media boot from: the first one with a MAC, the one the install uses.
 * Its `allowPXE` in Git is always false (docs/servers/no-reinstall-loop.md): the install's
 * Workflow turns netboot on in the cluster, so Git's value says nothing about whether Smee will
 * answer; the media say on screen when it does not.
 */
export function bootNetwork(hardware: HardwareForMedia): BootNetwork {
  const bootable = hardware.interfaces.find((nic) => nic.dhcp !== undefined);
  if (bootable?.dhcp === undefined) {
    throw new ConflictError(`Hardware ${hardware.name} has no interface with a MAC address.`);
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
