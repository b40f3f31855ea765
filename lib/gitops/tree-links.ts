import { ConflictError } from "@/lib/errors";
import { printable } from "./tree-path";

/**
 * The refusal for a path that is, or goes through, a symbolic link committed in the repository:
 * a link could point anywhere, dangling or not, so the console reads and writes through none.
 */
export function linkError(repoPath: string): ConflictError {
  return new ConflictError(
    `the repository holds a symbolic link at "${printable(repoPath)}" and the console will ` +
      "not read or write through it; replace it with a regular file or folder",
  );
}
