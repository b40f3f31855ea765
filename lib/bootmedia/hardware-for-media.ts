import { z } from "zod";
import { ipv4Schema, macSchema } from "@/lib/bootmedia/schema";

/*
 * A check on top of lib/manifests' Hardware schema, not a second one: that schema takes any
 * string for these fields, as the upstream CRD does, but boot media write them into the iPXE
 * script, so each must be a real MAC or IPv4 address before it gets there.
 */
const dhcpForMediaSchema = z.object({
  mac: macSchema,
  ip: z
    .object({
      address: ipv4Schema,
      netmask: ipv4Schema,
      gateway: ipv4Schema.optional(),
    })
    .optional(),
  name_servers: z.array(ipv4Schema).optional(),
  /** What the server's firmware runs, as Tinkerbell spells it (x86_64, aarch64). */
  arch: z.string().optional(),
});

/** The `spec.interfaces` of a Hardware already read, checked for what boot media write. */
export const interfacesForMediaSchema = z.array(z.object({ dhcp: dhcpForMediaSchema.optional() }));

/** A server's Hardware as boot media use it: its name and its interfaces' network fields. */
export type HardwareForMedia = {
  name: string;
  interfaces: z.output<typeof interfacesForMediaSchema>;
};

/** How per-server media bring up the network: the NIC by MAC, static or by DHCP. */
export type BootNetwork = {
  mac: string;
  static?: { address: string; netmask: string; gateway?: string; nameServers: string[] };
};
