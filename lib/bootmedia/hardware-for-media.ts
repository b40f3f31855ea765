import { z } from "zod";
import { ipv4Schema, macSchema } from "@/lib/bootmedia/schema";

/*
 * Only the Hardware fields boot media read, stricter than lib/manifests' upstream schema (which
 * takes any string): these values are written into the iPXE script, so each must be a real MAC or
 * IPv4 address before it gets there.
 */
const interfaceSchema = z.object({
  dhcp: z
    .object({
      mac: macSchema,
      hostname: z.string().optional(),
      ip: z
        .object({
          address: ipv4Schema,
          netmask: ipv4Schema,
          gateway: ipv4Schema.optional(),
        })
        .optional(),
      name_servers: z.array(ipv4Schema).optional(),
    })
    .optional(),
  netboot: z
    .object({ allowPXE: z.boolean().optional(), allowWorkflow: z.boolean().optional() })
    .optional(),
});

export const hardwareSchema = z.object({
  apiVersion: z.literal("tinkerbell.org/v1alpha1"),
  kind: z.literal("Hardware"),
  metadata: z.object({ name: z.string().min(1) }),
  spec: z.object({ interfaces: z.array(interfaceSchema).default([]) }),
});
export type HardwareForMedia = z.output<typeof hardwareSchema>;

/** How per-server media bring up the network: the NIC by MAC, static or by DHCP. */
export type BootNetwork = {
  mac: string;
  static?: { address: string; netmask: string; gateway?: string; nameServers: string[] };
};
