import "server-only";
import { env } from "@/lib/env";
import { gitReaderOptions } from "./options-from-env";
import { createGitReader, type GitReader } from "./tree-reader";

export type { GitReader } from "./tree-reader";

/** The process's reader of its writer's clone (`gitWriter()`), built from the settings. */
export function gitReader(): GitReader {
  return createGitReader(gitReaderOptions(env()));
}
