import { z } from "zod";
import { optionalText } from "@/lib/settings/optional-text";
import { sourceCidrsSchema } from "@/lib/settings/source-cidrs";
import type { TailscaleCredentials, TailscaleSettings } from "@/lib/settings/tailscale";

/**
 * First-boot credential settings: the enrollment token's life, Tailscale's API and the K3s join
 * address. Pure, merged into `env-schema.ts` like the other settings shapes.
 */

const httpsUrl = z
  .string()
  .trim()
  .url("must be a URL")
  .refine(
    (value) => /^https?:\/\//.test(value),
    "must start with https:// (or http:// for a test double)",
  )
  .refine((value) => !/^https?:\/\/[^/]*@/.test(value), "must not contain credentials");

const minutes = (max: number, fallback: number) =>
  z.coerce
    .number({ error: "must be a number of minutes" })
    .int("must be a whole number of minutes")
    .min(5, "must be at least 5 minutes")
    .max(max, `must be at most ${max} minutes`)
    .default(fallback);

const tagList = z
  .string()
  .trim()
  .transform((value) =>
    value
      .split(",")
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ""),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .regex(
            /^tag:[A-Za-z0-9][A-Za-z0-9-]*$/,
            "must be tags like tag:foundry-server, separated by commas",
          ),
      )
      .min(1, "must name at least one tag: an OAuth client can only mint tagged keys"),
  );

export const enrollmentSettingsShape = {
  FOUNDRY_FIRST_BOOT_TOKEN_TTL_MINUTES: minutes(24 * 60, 120),
  FOUNDRY_ENROLLMENT_SOURCE_CIDRS: sourceCidrsSchema.default([]),
  FOUNDRY_K3S_URL: optionalText.pipe(httpsUrl.optional()),
  FOUNDRY_K3S_CA_HASH: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9a-f]{64}$/, "must be the SHA-256 (64 hex digits) of the K3s server CA")
      .optional(),
  ),
  FOUNDRY_K3S_TOKEN_TTL_MINUTES: minutes(60, 60),
  FOUNDRY_K3S_VERSION: optionalText.pipe(
    z
      .string()
      .regex(/^v\d+\.\d+\.\d+\+k3s\d+$/, "must be a K3s release like v1.33.5+k3s1")
      .optional(),
  ),
  TAILSCALE_API_URL: httpsUrl.default("https://api.tailscale.com"),
  TAILSCALE_TAILNET: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._@-]+$/, "must be a tailnet name, or - for the default")
    .default("-"),
  TAILSCALE_OAUTH_CLIENT_ID: optionalText,
  TAILSCALE_OAUTH_CLIENT_SECRET: optionalText,
  TAILSCALE_API_KEY: optionalText,
  TAILSCALE_TAGS: tagList.default(["tag:foundry-server"]),
  TAILSCALE_KEY_EXPIRY_SECONDS: z.coerce
    .number({ error: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(300, "must be at least 300 seconds")
    .max(3600, "must be at most 3600 seconds: a server's key lives for its first boot only")
    .default(3600),
};

type RawEnrollmentSettings = {
  FOUNDRY_FIRST_BOOT_TOKEN_TTL_MINUTES: number;
  FOUNDRY_ENROLLMENT_SOURCE_CIDRS: string[];
  FOUNDRY_K3S_URL?: string | undefined;
  FOUNDRY_K3S_CA_HASH?: string | undefined;
  FOUNDRY_K3S_TOKEN_TTL_MINUTES: number;
  FOUNDRY_K3S_VERSION?: string | undefined;
  TAILSCALE_API_URL: string;
  TAILSCALE_TAILNET: string;
  TAILSCALE_OAUTH_CLIENT_ID?: string | undefined;
  TAILSCALE_OAUTH_CLIENT_SECRET?: string | undefined;
  TAILSCALE_API_KEY?: string | undefined;
  TAILSCALE_TAGS: string[];
  TAILSCALE_KEY_EXPIRY_SECONDS: number;
};

export type K3sJoinSettings = {
  url: string;
  /** Pins the server CA in the token (`K10<hash>::…`); without it the agent trusts on first use. */
  caHash: string | undefined;
  tokenTtlMinutes: number;
  /** The server's own release: an agent of another version (the installer's latest) may not join. */
  version: string;
};

export type EnrollmentSettings = {
  tokenTtlMinutes: number;
  /** Where claims may come from (the last X-Forwarded-For hop); empty: anywhere. */
  sourceCidrs: string[];
  /** Undefined when Tailscale is not configured: the exchange then answers 503. */
  tailscale: TailscaleSettings | undefined;
  /** Undefined without FOUNDRY_K3S_URL: the exchange then answers 503. */
  k3s: K3sJoinSettings | undefined;
};

function credentialsFrom(raw: RawEnrollmentSettings): TailscaleCredentials | undefined | string {
  const { TAILSCALE_OAUTH_CLIENT_ID: clientId, TAILSCALE_OAUTH_CLIENT_SECRET: clientSecret } = raw;
  if ((clientId === undefined) !== (clientSecret === undefined)) {
    return "TAILSCALE_OAUTH_CLIENT_ID and TAILSCALE_OAUTH_CLIENT_SECRET must be set together";
  }
  if (clientId !== undefined && clientSecret !== undefined)
    return { kind: "oauth-client", clientId, clientSecret };
  return raw.TAILSCALE_API_KEY === undefined
    ? undefined
    : { kind: "api-key", apiKey: raw.TAILSCALE_API_KEY };
}

export function enrollmentSettingsFrom(
  raw: RawEnrollmentSettings,
): { settings: EnrollmentSettings } | { problems: string[] } {
  const credentials = credentialsFrom(raw);
  if (typeof credentials === "string") return { problems: [credentials] };
  if (raw.FOUNDRY_K3S_URL !== undefined && raw.FOUNDRY_K3S_VERSION === undefined)
    return {
      problems: [
        "FOUNDRY_K3S_VERSION must be set with FOUNDRY_K3S_URL: servers install the control plane's K3s release",
      ],
    };
  return {
    settings: {
      tokenTtlMinutes: raw.FOUNDRY_FIRST_BOOT_TOKEN_TTL_MINUTES,
      sourceCidrs: raw.FOUNDRY_ENROLLMENT_SOURCE_CIDRS,
      tailscale: credentials && {
        apiUrl: raw.TAILSCALE_API_URL.replace(/\/+$/, ""),
        tailnet: raw.TAILSCALE_TAILNET,
        credentials,
        tags: raw.TAILSCALE_TAGS,
        keyExpirySeconds: raw.TAILSCALE_KEY_EXPIRY_SECONDS,
      },
      k3s:
        raw.FOUNDRY_K3S_URL === undefined || raw.FOUNDRY_K3S_VERSION === undefined
          ? undefined
          : {
              url: raw.FOUNDRY_K3S_URL.replace(/\/+$/, ""),
              caHash: raw.FOUNDRY_K3S_CA_HASH,
              tokenTtlMinutes: raw.FOUNDRY_K3S_TOKEN_TTL_MINUTES,
              version: raw.FOUNDRY_K3S_VERSION,
            },
    },
  };
}
