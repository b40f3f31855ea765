import path from "node:path";
import { z } from "zod";
import { optionalText } from "@/lib/settings/optional-text";

/**
 * The boot media settings. Pure, like the rest of `env-schema.ts`, which merges this shape
 * into the one settings schema and calls `bootMediaSettingsFrom` after parsing.
 */

// iPXE expands `${…}` and splits on spaces: a URL it is given must hold neither.
const ipxeUrl = z
  .string()
  .trim()
  .url("must be a URL")
  .refine((value) => /^https?:\/\//.test(value), "must start with http:// or https://")
  .refine((value) => !/^https?:\/\/[^/]*@/.test(value), "must not contain credentials")
  .refine(
    (value) => /^[A-Za-z0-9._~:/?&=%+,;\-[\]{}]+$/.test(value),
    "must not contain spaces, $ or #",
  );

export const macPlaceholder = "{mac}";

export const bootMediaSettingsShape = {
  FOUNDRY_PUBLIC_URL: optionalText.pipe(
    ipxeUrl.refine((value) => !value.includes("{"), "must not contain { or }").optional(),
  ),
  FOUNDRY_SMEE_URL: optionalText.pipe(ipxeUrl.optional()),
  FOUNDRY_IPXE_DIR: z.string().trim().min(1).default("./vendor/ipxe"),
  FOUNDRY_ENROLLMENT_TOKEN_TTL_HOURS: z.coerce
    .number({ error: "must be a number of hours" })
    .int("must be a whole number of hours")
    .min(1, "must be at least 1 hour")
    .max(720, "must be at most 720 hours (30 days)")
    .default(24),
};

type RawBootMediaSettings = {
  FOUNDRY_PUBLIC_URL?: string | undefined;
  FOUNDRY_SMEE_URL?: string | undefined;
  FOUNDRY_IPXE_DIR: string;
  FOUNDRY_ENROLLMENT_TOKEN_TTL_HOURS: number;
};

export type BootMediaSettings = {
  /** The console's address as servers reach it; boot media call home to it. */
  publicUrl: string;
  /** Smee's iPXE script URL with `{mac}` where the MAC goes; undefined when not configured. */
  smeeScriptUrl: string | undefined;
  ipxeDir: string;
  /** Where templates are cached: `<data dir>/boot-media`. */
  cacheDir: string;
  tokenTtlHours: number;
};

/**
 * A bare Smee address gets the per-MAC script path of the Smee the platform pins (Tinkerbell
 * v0.21.0 serves `/<mac>/auto.ipxe`; `/ipxe/script/…` arrived in v0.22.0); a URL with `{mac}` is
 * kept as it is.
 */
export function smeeScriptUrl(value: string): string {
  if (value.includes(macPlaceholder)) return value;
  return `${value.replace(/\/+$/, "")}/${macPlaceholder}/auto.ipxe`;
}

export function bootMediaSettingsFrom(
  raw: RawBootMediaSettings,
  context: { consoleUrl: string; dataDir: string; cwd: string },
): BootMediaSettings {
  return {
    publicUrl: (raw.FOUNDRY_PUBLIC_URL ?? context.consoleUrl).replace(/\/+$/, ""),
    smeeScriptUrl:
      raw.FOUNDRY_SMEE_URL === undefined ? undefined : smeeScriptUrl(raw.FOUNDRY_SMEE_URL),
    ipxeDir: path.resolve(context.cwd, raw.FOUNDRY_IPXE_DIR),
    cacheDir: path.join(context.dataDir, "boot-media"),
    tokenTtlHours: raw.FOUNDRY_ENROLLMENT_TOKEN_TTL_HOURS,
  };
}
