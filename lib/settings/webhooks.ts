import { z } from "zod";

/** Webhook secrets and event retention, merged into `env-schema.ts`. */
const secret = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional()
  .refine((value) => value === undefined || value.length >= 16, "must be at least 16 characters");

export const webhookSettingsShape = {
  FLUX_WEBHOOK_SECRET: secret,
  GITHUB_WEBHOOK_SECRET: secret,
  FOUNDRY_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  FOUNDRY_EVENT_RETENTION_MAX: z.coerce.number().int().min(100).max(10_000_000).default(50_000),
};

export type WebhookSettings = {
  fluxSecret: string | undefined;
  githubSecret: string | undefined;
  retention: { days: number; maxEvents: number };
};

export function webhookSettingsFrom(raw: {
  FLUX_WEBHOOK_SECRET?: string | undefined;
  GITHUB_WEBHOOK_SECRET?: string | undefined;
  FOUNDRY_EVENT_RETENTION_DAYS: number;
  FOUNDRY_EVENT_RETENTION_MAX: number;
}): WebhookSettings {
  return {
    fluxSecret: raw.FLUX_WEBHOOK_SECRET,
    githubSecret: raw.GITHUB_WEBHOOK_SECRET,
    retention: {
      days: raw.FOUNDRY_EVENT_RETENTION_DAYS,
      maxEvents: raw.FOUNDRY_EVENT_RETENTION_MAX,
    },
  };
}
