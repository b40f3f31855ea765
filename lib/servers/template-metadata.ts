import { z } from "zod";
import { architectures, firmwares } from "./schema";

/**
 * The small file beside each Template (`templates/<name>.meta.json`) that the console reads to
 * offer it: how to call it, what it installs, and the parameters a person may set.
 */
export const parameterTypes = ["string", "url", "integer", "boolean", "enum", "sha256"] as const;

export const templateParameterSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, "must be snake_case"),
  type: z.enum(parameterTypes),
  description: z.string().min(1).max(500),
  default: z.string().max(2048).optional(),
  defaultByArch: z.partialRecord(z.enum(architectures), z.string().max(2048)).optional(),
  choices: z.array(z.string().min(1).max(100)).min(1).optional(),
  min: z.number().int().optional(),
  max: z.number().int().optional(),
});

export const templateMetadataSchema = z.object({
  template: z.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/),
  displayName: z.string().min(1).max(100),
  os: z.string().min(1).max(50),
  version: z.string().min(1).max(50),
  arch: z.array(z.enum(architectures)).min(1),
  firmware: z.array(z.enum(firmwares)).min(1).default(["uefi", "bios"]),
  description: z.string().max(1000).default(""),
  parameters: z.array(templateParameterSchema).default([]),
});

export type TemplateParameter = z.infer<typeof templateParameterSchema>;
export type TemplateMetadata = z.infer<typeof templateMetadataSchema>;

/** What Tinkerbell (v0.21.0) adds to a template's data itself: the Hardware and its references. */
export const tinkerbellVariables = ["hardware", "Hardware", "references"] as const;

/** Variables the console fills from the server itself; a template's parameters cannot reuse them. */
export const derivedVariables = [
  "device_1",
  "install_disk",
  "hostname",
  "foundry_server",
  "foundry_generation",
  "foundry_url",
  "network_mode",
  "ip_cidr",
  "gateway",
  "name_servers",
] as const;
