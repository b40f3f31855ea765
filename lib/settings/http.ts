import { sourceCidrsSchema } from "@/lib/settings/source-cidrs";

/**
 * `FOUNDRY_TRUSTED_PROXIES`: the proxies (CIDRs) whose X-Forwarded-For is believed; empty, the
 * client is the socket's peer. Merged into `env-schema.ts` like the other settings shapes.
 */
export const httpSettingsShape = {
  FOUNDRY_TRUSTED_PROXIES: sourceCidrsSchema.default([]),
};
