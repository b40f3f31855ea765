import "server-only";
import { parseEnv, type Env } from "@/lib/settings/env-schema";
import { singleton } from "@/lib/singleton";

/** The console's settings, parsed from `process.env` on first use and then kept. */
export function env(): Env {
  return singleton("env", () => parseEnv(process.env));
}
