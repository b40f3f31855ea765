import "server-only";
import { env } from "@/lib/settings/env";
import { singleton } from "@/lib/singleton";
import { createBlobCache } from "./blob-cache";
import { gitReaderOptions } from "./options-from-env";
import { createGitReader, type GitReader } from "./tree-reader";

export type { GitReader } from "./tree-reader";

/** The process's reader of its writer's clone (`gitWriter()`), built from the settings. */
export function gitReader(): GitReader {
  // Objects never change, so a blob read once is good forever; the bound keeps memory flat.
  const blobs = singleton("git-reader:blobs", () => createBlobCache(32 * 1024 * 1024));
  return createGitReader(gitReaderOptions(env()), blobs);
}
