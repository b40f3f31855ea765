import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { optionalText } from "@/lib/settings/optional-text";
import { isLoopbackHost } from "@/lib/settings/auth";

/**
 * The Oracle Cloud settings of the Cloud page. Pure, like the rest of `env-schema.ts`, which
 * merges this shape into the one settings schema and calls `ociSettingsFrom` after parsing.
 */

const ocid = (kinds: string[]) =>
  z
    .string()
    .regex(
      new RegExp(`^ocid1\\.(${kinds.join("|")})\\.[a-z0-9-]*\\.[a-z0-9-]*\\.[a-z0-9]+$`),
      `must be an OCID of a ${kinds.join(" or ")}, like ocid1.${kinds[0]}.oc1..aaaa…`,
    );

const loopbackUrl = z
  .string()
  .url("must be a URL")
  .refine((value) => /^https?:\/\//.test(value), "must start with http:// or https://")
  .refine(
    (value) => isLoopbackHost(new URL(value).hostname.replace(/^\[|\]$/g, "")),
    "must point at 127.0.0.1, ::1 or localhost: it exists only for tests against a local double",
  );

export const ociSettingsShape = {
  OCI_AUTH: z
    .enum(["config_file", "instance_principal"], {
      error: "must be 'config_file' or 'instance_principal'",
    })
    .optional(),
  OCI_CONFIG_FILE: optionalText,
  OCI_PROFILE: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/, "must be a profile name like DEFAULT")
      .optional(),
  ),
  OCI_COMPARTMENT_ID: optionalText.pipe(ocid(["compartment", "tenancy"]).optional()),
  OCI_ENDPOINT_OVERRIDE: optionalText.pipe(loopbackUrl.optional()),
};

type RawOciSettings = {
  OCI_AUTH?: "config_file" | "instance_principal" | undefined;
  OCI_CONFIG_FILE?: string | undefined;
  OCI_PROFILE?: string | undefined;
  OCI_COMPARTMENT_ID?: string | undefined;
  OCI_ENDPOINT_OVERRIDE?: string | undefined;
};

export type OciAuthSettings =
  | { kind: "instance-principal" }
  /** `chosen`: OCI_AUTH or OCI_CONFIG_FILE was set, so a missing file is an error, not "not configured". */
  | { kind: "config-file"; configFile: string; profile: string; chosen: boolean };

export type OciSettings = {
  auth: OciAuthSettings;
  /** Unset: the tenancy itself (the root compartment). */
  compartmentId: string | undefined;
  /** Tests only: every OCI service is called at this loopback base URL instead of Oracle's. */
  endpointOverride: string | undefined;
};

function expandHome(file: string, home: string): string {
  if (file === "~") return home;
  if (file.startsWith("~/")) return path.join(home, file.slice(2));
  return file;
}

export function ociSettingsFrom(raw: RawOciSettings, home = os.homedir()): OciSettings {
  const auth: OciAuthSettings =
    raw.OCI_AUTH === "instance_principal"
      ? { kind: "instance-principal" }
      : {
          kind: "config-file",
          configFile: expandHome(raw.OCI_CONFIG_FILE ?? "~/.oci/config", home),
          profile: raw.OCI_PROFILE ?? "DEFAULT",
          chosen: raw.OCI_AUTH === "config_file" || raw.OCI_CONFIG_FILE !== undefined,
        };
  return {
    auth,
    compartmentId: raw.OCI_COMPARTMENT_ID,
    endpointOverride: raw.OCI_ENDPOINT_OVERRIDE?.replace(/\/+$/, ""),
  };
}
