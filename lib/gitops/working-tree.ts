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
import { resolveWithoutLinks, type CheckedPaths } from "./tree-links";
import { treeFolder, treePath } from "./tree-path";
import type { GitTree } from "./types";

/**
 * The change function's view of the clone's working tree, confined to the manifests path.
 * Symbolic links are refused on every path (see tree-links.ts), and nothing opens one.
 * `blobIds` are the objects of the commit the tree was just reset to; a file written or deleted
 * through the tree loses its id.
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
