import { lstat, realpath } from "node:fs/promises";
import path from "node:path";
import { ConflictError } from "@/lib/errors";
import { printable } from "./tree-path";

/**
 * Returns the absolute path of `repoPath` (relative to the clone root) after checking, with
 * lstat from the root down, that none of its existing components is a symbolic link. A link
 * committed in the repository could point anywhere, dangling or not, so the console refuses all.
 * `checked` holds what an earlier call found in the same clone (its real root, folders that are
 * not links), so it is not looked at again.
 */
export type CheckedPaths = { root?: string; folders: Set<string> };

export async function resolveWithoutLinks(
  cloneDir: string,
  repoPath: string,
  checked: CheckedPaths = { folders: new Set() },
): Promise<string> {
  const root = (checked.root ??= await realpath(cloneDir));
  const parts = repoPath.split("/").filter((part) => part !== "");
  for (let index = 1; index <= parts.length; index += 1) {
    const shown = parts.slice(0, index).join("/");
    if (checked.folders.has(shown)) continue;
    const info = await lstat(path.join(root, ...parts.slice(0, index))).catch(missing);
    if (info === undefined) break;
    if (info.isSymbolicLink()) throw linkError(shown);
    if (!info.isDirectory()) break;
    checked.folders.add(shown);
  }
  return path.join(root, ...parts);
}

export function linkError(repoPath: string): ConflictError {
  return new ConflictError(
    `the repository holds a symbolic link at "${printable(repoPath)}" and the console will ` +
      "not read or write through it; replace it with a regular file or folder",
  );
}

function missing(error: unknown): undefined {
  if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
  throw error;
}
