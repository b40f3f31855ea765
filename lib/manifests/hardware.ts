import { z } from "zod";
import { objectMetaSchema, tinkerbellApiVersion } from "./object-meta";

/*
 * Hardware (tinkerbell.org/v1alpha1), field for field as the HardwareSpec of the Tinkerbell the
 * platform pins (v0.21.0: its crd/bases/tinkerbell.org_hardware.yaml; fields of later releases,
 * which a v0.21.0 API server prunes, are not here). Status is the controllers' and never written.
 */
const ipv4 =
  /^((25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)$/;
const int64 = z.number().int();

export const hardwareMacPattern = /([0-9a-f]{2}[:]){5}([0-9a-f]{2})/;

const ipSchema = z.object({
  address: z.string().optional(),
  family: int64.optional(),
  gateway: z.string().optional(),
  netmask: z.string().optional(),
});

export const dhcpSchema = z.object({
  arch: z.string().optional(),
  classless_static_routes: z
    .array(
      z.object({
        destination_descriptor: z
          .string()
          .regex(new RegExp(`^${ipv4.source.slice(1, -1)}/(3[0-2]|[12]?[0-9])$`)),
        router: z.string().regex(ipv4),
      }),
    )
    .optional(),
  hostname: z.string().optional(),
  iface_name: z.string().optional(),
  ip: ipSchema.optional(),
  lease_time: int64.optional(),
  mac: z.string().regex(hardwareMacPattern).optional(),
  name_servers: z.array(z.string()).optional(),
  time_servers: z.array(z.string()).optional(),
  uefi: z.boolean().optional(),
  vlan_id: z.string().optional(),
});

export const netbootSchema = z.object({
  allowPXE: z.boolean().optional(),
  allowWorkflow: z.boolean().optional(),
  ipxe: z
    .object({
      binary: z.string().optional(),
      contents: z.string().optional(),
      url: z.string().optional(),
    })
    .optional(),
  osie: z
    .object({
      baseURL: z.string().optional(),
      initrd: z.string().optional(),
      kernel: z.string().optional(),
    })
    .optional(),
});

export const interfaceSchema = z.object({
  dhcp: dhcpSchema.optional(),
  disableDhcp: z.boolean().optional(),
  netboot: netbootSchema.optional(),
});

const osSchema = z.object({
  distro: z.string().optional(),
  image_tag: z.string().optional(),
  os_slug: z.string().optional(),
  slug: z.string().optional(),
  version: z.string().optional(),
});

const instanceSchema = z.object({
  allow_pxe: z.boolean().optional(),
  always_pxe: z.boolean().optional(),
  crypted_root_password: z.string().optional(),
  hostname: z.string().optional(),
  id: z.string().optional(),
  ips: z
    .array(
      z.object({
        address: z.string().optional(),
        family: int64.optional(),
        gateway: z.string().optional(),
        management: z.boolean().optional(),
        netmask: z.string().optional(),
        public: z.boolean().optional(),
      }),
    )
    .optional(),
  ipxe_script_url: z.string().optional(),
  network_ready: z.boolean().optional(),
  operating_system: osSchema.optional(),
  rescue: z.boolean().optional(),
  ssh_keys: z.array(z.string()).optional(),
  state: z.string().optional(),
  tags: z.array(z.string()).optional(),
  userdata: z.string().optional(),
});

export const hardwareMetadataSchema = z.object({
  bonding_mode: int64.optional(),
  custom: z
    .object({
      preinstalled_operating_system_version: osSchema.optional(),
      private_subnets: z.array(z.string()).optional(),
    })
    .optional(),
  facility: z
    .object({
      facility_code: z.string().optional(),
      plan_slug: z.string().optional(),
      plan_version_slug: z.string().optional(),
    })
    .optional(),
  instance: instanceSchema.optional(),
  manufacturer: z.object({ id: z.string().optional(), slug: z.string().optional() }).optional(),
  state: z.string().optional(),
});

const referenceSchema = z.object({
  group: z.string().optional(),
  name: z.string().optional(),
  namespace: z.string().optional(),
  resource: z.string().optional(),
  version: z.string().optional(),
});

export const hardwareSpecSchema = z.object({
  agentID: z.string().optional(),
  auto: z.object({ enrollmentEnabled: z.boolean().optional() }).optional(),
  bmcRef: z
    .object({ apiGroup: z.string().optional(), kind: z.string(), name: z.string() })
    .optional(),
  disks: z.array(z.object({ device: z.string().optional() })).optional(),
  interfaces: z.array(interfaceSchema).optional(),
  metadata: hardwareMetadataSchema.optional(),
  references: z.record(z.string(), referenceSchema).optional(),
  resources: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  tinkVersion: int64.optional(),
  userData: z.string().optional(),
  vendorData: z.string().optional(),
});

export const hardwareSchema = z.object({
  apiVersion: z.literal(tinkerbellApiVersion),
  kind: z.literal("Hardware"),
  metadata: objectMetaSchema,
  spec: hardwareSpecSchema,
});

export type HardwareInterface = z.infer<typeof interfaceSchema>;
export type HardwareSpec = z.infer<typeof hardwareSpecSchema>;
export type Hardware = z.infer<typeof hardwareSchema>;
