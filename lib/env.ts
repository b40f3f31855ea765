import "server-only";
// Up the layers on purpose: the schema composes every domain's settings shape, and this one
// parsed copy is what the lower layers (database, Git writer, cluster) read.
import { parseEnv, type Env } from "@/lib/env-schema";
import { singleton } from "@/lib/singleton";

/** The console's settings, parsed from `process.env` on first use and then kept. */
export function env(): Env {
  return singleton("env", () => parseEnv(process.env));
}
