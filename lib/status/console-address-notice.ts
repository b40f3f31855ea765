import "server-only";
import { env } from "@/lib/settings/env";
import { consoleAddressWarning } from "@/lib/servers/console-address-warning";

/** The Overview's warning when servers would be told to call the console on loopback. */
export function consoleAddressNotice(): string | undefined {
  return consoleAddressWarning(env().bootMedia.publicUrl);
}
