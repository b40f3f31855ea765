import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import {
  chmod,
  lstat,
  mkdir,
  open,
  readdir,
  realpath,
  rename,
  rm,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { linkError } from "@/lib/gitops/tree-links";
import { treeFolder, treePath } from "@/lib/gitops/tree-path";
import type { GitTree } from "@/lib/gitops/types";

/**
 * A GitTree over a folder on disk, confined to the manifests path, for tests that need many real
 * files (the inventory read under a low open-file limit). Symbolic links are refused on every
 * path, and nothing opens one. The console's own changes never touch a disk tree: see
 * lib/gitops/object-tree.ts.
 */
export function workingTree(
  cloneDir: string,
  manifestsPath: string,
  blobIds: Map<string, string> = new Map(),
): GitTree {
  // Folders already found not to be links: only this tree writes to the clone while it is in use,
  // and it makes folders, never links.
  const checked: CheckedPaths = { folders: new Set() };
  const resolve = (relative: string) =>
    resolveWithoutLinks(cloneDir, treePath(manifestsPath, relative), checked);
  const isFile = async (absolute: string) =>
    lstat(absolute).then(
      (info) => info.isFile(),
      () => false,
    );

  return {
    async read(relative) {
      const absolute = await resolve(relative);
      if (!(await isFile(absolute))) return undefined;
      const file = await open(absolute, constants.O_RDONLY | constants.O_NOFOLLOW);
      try {
        return await file.readFile("utf8");
      } finally {
        await file.close();
      }
    },
    async exists(relative) {
      return isFile(await resolve(relative));
    },
    blobId: (relative) => blobIds.get(relative),
    async write(relative, content) {
      blobIds.delete(relative);
      const absolute = await resolve(relative);
      await mkdir(path.dirname(absolute), { recursive: true });
      // A fresh file renamed over the target replaces whatever is there instead of following it.
      const temporary = path.join(
        path.dirname(absolute),
        `.foundry-${randomBytes(6).toString("hex")}.tmp`,
      );
      const mode = await lstat(absolute).then(
        (info) => (info.isFile() ? info.mode & 0o777 : undefined),
        () => undefined,
      );
      try {
        await writeFile(temporary, content, { flag: "wx", mode });
        if (mode !== undefined) await chmod(temporary, mode);
        await rename(temporary, absolute);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async delete(relative) {
      blobIds.delete(relative);
      const absolute = await resolve(relative);
      if (!(await isFile(absolute))) return false;
      await rm(absolute);
      return true;
    },
    async list(folder) {
      const absolute = await resolveWithoutLinks(
        cloneDir,
        treeFolder(manifestsPath, folder),
        checked,
      );
      const base = path.join(checked.root ?? (await realpath(cloneDir)), manifestsPath);
      const entries = await readdir(absolute, { recursive: true, withFileTypes: true }).catch(
        () => [],
      );
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) =>
          path.relative(base, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"),
        )
        .sort();
    },
  };
}

/**
 * Returns the absolute path of `repoPath` (relative to the clone root) after checking, with
 * lstat from the root down, that none of its existing components is a symbolic link. A link
 * committed in the repository could point anywhere, dangling or not, so the console refuses all.
 * `checked` holds what an earlier call found in the same clone (its real root, folders that are
 * not links), so it is not looked at again.
 */
type CheckedPaths = { root?: string; folders: Set<string> };

async function resolveWithoutLinks(
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

function missing(error: unknown): undefined {
  if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
  throw error;
}
