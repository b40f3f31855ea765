import { z } from "zod";
import {
  isIpv4,
  isNetworkOrBroadcast,
  isUnicastMac,
  netmaskOf,
  normaliseMac,
  prefixLength,
  sameSubnet,
} from "./network";

/*
 * The one schema per server action, shared by the forms (checked as people type) and the
 * verbs (checked again on the server). Everything a person types ends up as a YAML scalar, and
 * these rules keep it to characters that mean the same in a file name, a label and a URL.
 */
export const maxInterfaces = 8;
/** Tinkerbell's names, as a Hardware's `dhcp.arch` holds them. */
export const architectures = ["x86_64", "aarch64"] as const;
export type Architecture = (typeof architectures)[number];
export const firmwares = ["uefi", "bios"] as const;

const text = z.string({ error: "is required" }).trim();
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

/** Also the form's maxlength: the field stops where the schema would refuse. */
export const serverNameMaxLength = 53;
export const hostnameMaxLength = 253;

// A name is also a file and an object name: refused in capitals, not lowered behind one's back.
export const serverNameSchema = text
  .min(1, { error: "is required", abort: true })
  .max(serverNameMaxLength, `must be at most ${serverNameMaxLength} characters`)
  .refine((value) => value === value.toLowerCase(), {
    error: (issue) => `must be lowercase: ${String(issue.input).toLowerCase()}`,
    abort: true,
  })
  .regex(
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/,
    "must be lowercase letters, digits and '-', starting and ending with a letter or digit",
  );

export const hostnameSchema = text
  .toLowerCase()
  .min(1, { error: "is required", abort: true })
  .max(hostnameMaxLength, `must be at most ${hostnameMaxLength} characters`)
  .refine(
    (value) =>
      value.split(".").every((label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label)),
    "must be an RFC 1123 host name: dot-separated labels of letters, digits and '-', each 1–63 characters, not starting or ending with '-'",
  );

export const macSchema = text.transform((value, context) => {
  const mac = normaliseMac(value);
  if (mac === undefined) {
    context.addIssue({
      code: "custom",
      message: "must be a MAC address such as aa:bb:cc:dd:ee:ff",
    });
    return z.NEVER;
  }
  if (!isUnicastMac(mac)) {
    context.addIssue({
      code: "custom",
      message: "must be a network card's own (unicast) MAC address",
    });
    return z.NEVER;
  }
  return mac;
});

export const ipv4Schema = text.refine(isIpv4, "must be an IPv4 address such as 192.168.1.10");

const netmaskSchema = text.transform((value, context) => {
  const prefix = prefixLength(value);
  if (prefix === undefined || prefix < 8 || prefix > 32) {
    context.addIssue({
      code: "custom",
      message: "must be a netmask such as 255.255.255.0 or /24 (between /8 and /32)",
    });
    return z.NEVER;
  }
  return netmaskOf(prefix);
});

const nameServersSchema = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((value) =>
    (typeof value === "string" ? value.split(/[\s,]+/) : (value ?? []))
      .map((item) => item.trim())
      .filter((item) => item !== ""),
  )
  .pipe(z.array(ipv4Schema).max(4, "at most 4 DNS servers"));

const dhcpInterfaceSchema = z.object({ mode: z.literal("dhcp"), mac: macSchema });

const staticInterfaceSchema = z
  .object({
    mode: z.literal("static"),
    mac: macSchema,
    address: ipv4Schema,
    netmask: netmaskSchema,
    gateway: ipv4Schema,
    nameServers: nameServersSchema,
  })
  .superRefine((value, context) => {
    const prefix = prefixLength(value.netmask) ?? 32;
    if (isNetworkOrBroadcast(value.address, prefix)) {
      context.addIssue({
        code: "custom",
        path: ["address"],
        message: "is the network or broadcast address of its subnet",
      });
    }
    if (!sameSubnet(value.address, value.gateway, prefix)) {
      context.addIssue({
        code: "custom",
        path: ["gateway"],
        message: "must be in the same subnet as the address",
      });
    }
    if (value.address === value.gateway) {
      context.addIssue({
        code: "custom",
        path: ["gateway"],
        message: "must not be the server's own address",
      });
    }
  });

export const interfaceInputSchema = z.discriminatedUnion(
  "mode",
  [dhcpInterfaceSchema, staticInterfaceSchema],
  { error: "choose DHCP or a static address" },
);

const labelValue = optionalText.pipe(
  z
    .string()
    .max(63, "must be at most 63 characters")
    .regex(
      /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/,
      "must be letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
    )
    .optional(),
);

export const installDiskSchema = text
  .max(200, "must be at most 200 characters")
  .regex(
    /^\/dev\/[A-Za-z0-9][A-Za-z0-9._:+-]*(\/[A-Za-z0-9][A-Za-z0-9._:+-]*)*$/,
    "must be a device path such as /dev/sda, /dev/nvme0n1 or /dev/disk/by-id/…",
  )
  .refine((value) => !value.split("/").includes(".."), "must not contain '..'");

const bmcSchema = z.object({
  address: text
    .min(1, { error: "is required", abort: true })
    .refine(
      (value) => isIpv4(value) || hostnameSchema.safeParse(value).success,
      "must be an IPv4 address or a host name",
    ),
  secretName: text
    .min(1, { error: "is required", abort: true })
    .max(253)
    .regex(
      /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/,
      "must be the name of a Secret (lowercase letters, digits, '-' and '.')",
    ),
  // The form sends text; an empty field is no port (the BMC's Redfish on 443).
  port: z.preprocess(
    (value) => (value === "" || value === undefined ? undefined : Number(value)),
    z
      .number({ error: "must be a port number" })
      .int("must be a port number")
      .min(1, "must be between 1 and 65535")
      .max(65535, "must be between 1 and 65535")
      .optional(),
  ),
  basicAuth: z.boolean().optional(),
});

export const serverSpecSchema = z
  .object({
    name: serverNameSchema,
    hostname: hostnameSchema,
    arch: z.enum(architectures, { error: "must be x86_64 or aarch64" }),
    firmware: z.enum(firmwares, { error: "must be UEFI or BIOS" }),
    installDisk: installDiskSchema,
    interfaces: z
      .array(interfaceInputSchema, { error: "add at least one network interface" })
      .min(1, "add at least one network interface")
      .max(maxInterfaces, `at most ${maxInterfaces} interfaces`),
    site: labelValue,
    rack: labelValue,
    bmc: bmcSchema.optional(),
  })
  .superRefine((value, context) => {
    const seen = new Map<string, number>();
    value.interfaces.forEach((item, index) => {
      const earlier = seen.get(item.mac);
      if (earlier !== undefined) {
        context.addIssue({
          code: "custom",
          path: ["interfaces", index, "mac"],
          message: `is the same MAC as interface ${earlier + 1}`,
        });
      }
      seen.set(item.mac, index);
    });
    const addresses = new Map<string, number>();
    value.interfaces.forEach((item, index) => {
      if (item.mode !== "static") return;
      const earlier = addresses.get(item.address);
      if (earlier !== undefined) {
        context.addIssue({
          code: "custom",
          path: ["interfaces", index, "address"],
          message: `is the same address as interface ${earlier + 1}`,
        });
      }
      addresses.set(item.address, index);
    });
  });

export type ServerSpec = z.output<typeof serverSpecSchema>;
export type ServerSpecInput = z.input<typeof serverSpecSchema>;
export type InterfaceInput = z.output<typeof interfaceInputSchema>;

const previewDigest = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .optional();

export const registerServerSchema = serverSpecSchema.and(z.object({ previewDigest }));
export const editServerSchema = registerServerSchema;

/** Template parameters: names are checked here, values against the template's own types. */
export const parametersSchema = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, "is not a parameter name"),
    z.string().max(2048, "is too long"),
  )
  .default({});

export const provisionServerSchema = z.object({
  name: serverNameSchema,
  template: serverNameSchema,
  parameters: parametersSchema,
  previewDigest,
});

const confirmName = z.string().trim();
const typedName = {
  path: ["confirmName"],
  message: "type the server's name to confirm",
};

export const reprovisionServerSchema = provisionServerSchema
  .extend({ confirmName })
  .refine((value) => value.confirmName === value.name, typedName);
export const decommissionServerSchema = z
  .object({ name: serverNameSchema, confirmName, previewDigest })
  .refine((value) => value.confirmName === value.name, typedName);

export const bulkRegisterSchema = z.object({
  csv: z.string().max(2_000_000, "is larger than 2 MB").min(1, "paste or upload a CSV file"),
  allOrNothing: z.boolean().default(false),
  previewDigest,
});

export type ProvisionInput = z.output<typeof provisionServerSchema>;
export type ReprovisionInput = z.output<typeof reprovisionServerSchema>;
export type DecommissionInput = z.output<typeof decommissionServerSchema>;
export type BulkRegisterInput = z.output<typeof bulkRegisterSchema>;
