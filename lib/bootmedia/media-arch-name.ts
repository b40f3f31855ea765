import type { Architecture } from "@/lib/servers/schema";

export type MediaArchName = "x86_64" | "arm64";

/**
 * An architecture as boot media show it: in file names, links, the token list and the audit
 * trail. They said arm64 (Debian's name) before the console used Tinkerbell's aarch64 inside,
 * and downloaded files, shared links and cached templates keep the names they had.
 */
export function mediaArchName(arch: Architecture): MediaArchName {
  return arch === "aarch64" ? "arm64" : arch;
}
