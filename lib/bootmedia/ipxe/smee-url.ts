import type { BootMediaSettings } from "@/lib/settings/boot-media";
import { UnavailableError } from "@/lib/errors";

export function requireSmeeUrl(settings: BootMediaSettings): string {
  if (settings.smeeScriptUrl === undefined) {
    throw new UnavailableError(
      "Boot media chain to Tinkerbell's Smee, and FOUNDRY_SMEE_URL is not set (e.g. http://<smee>:7171).",
    );
  }
  return settings.smeeScriptUrl;
}
