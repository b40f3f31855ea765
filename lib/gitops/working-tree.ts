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
  rmdir,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { resolveWithoutLinks, type CheckedPaths } from "./tree-links";
import type { TreeListing } from "./tree-listing";
import { treeFolder, treePath } from "./tree-path";
import type { GitTree } from "./types";

/**
 * The change function's view of the clone's working tree, confined to the manifests path.
 * Symbolic links are refused on every path (see tree-links.ts), and nothing opens one.
 * `listing` is the commit the tree was just reset to: its files are the tree's, so folders are
 * listed from it rather than read; a file written or deleted through the tree loses its id.
 * Without one, folders are read from disk and no file has an id.
 */
export type ChangedTree = GitTree & {
  /**
   * The paths (from the repository root) a commit must stage for what was written and deleted
   * through this tree; undefined when the tree has no listing to tell a deletion from a file that
   * never was, and everything must be staged.
   */
  pathsToStage(): string[] | undefined;
  /**
   * Ends the change's hold on the tree: a write or delete after this (one the change forgot to
   * await, say) throws instead of landing in a clone that is about to be committed or reset.
   */
  close(): void;
};

export function workingTree(
  cloneDir: string,
  manifestsPath: string,
  listing?: TreeListing,
): ChangedTree {
  // Folders already found not to be links: only this tree writes to the clone while it is in use,
  // and it makes folders, never links.
  const checked: CheckedPaths = { folders: new Set() };
  const resolve = (relative: string) =>
    resolveWithoutLinks(cloneDir, treePath(manifestsPath, relative), checked);
  // Written (true) or deleted (false) through this tree, by path relative to the manifests path.
  const touched = new Map<string, boolean>();
  const touch = (relative: string, present: boolean) =>
    touched.set(treePath(manifestsPath, relative).slice(manifestsPath.length + 1), present);
  // A path the listing does not hold, that no link in it leads to and that this tree did not
  // write, is not on disk either: the clone is exactly that commit (reset and cleaned to it, or
  // the writer's own last push). Such paths are answered without touching the disk: a 10,000-row
  // CSV asks after 10,000 of them.
  let rootChecked = false;
  const knownAbsent = async (relative: string): Promise<boolean> => {
    if (listing === undefined) return false;
    const key = treePath(manifestsPath, relative).slice(manifestsPath.length + 1);
    if (touched.has(key) || listing.ids.has(key)) return false;
    const parts = key.split("/");
    for (let index = 1; index <= parts.length; index += 1)
      if (listing.links.has(parts.slice(0, index).join("/"))) return false;
    if (!rootChecked) {
      await resolveWithoutLinks(cloneDir, manifestsPath, checked);
      rootChecked = true;
    }
    return true;
  };
  let closed = false;
  const assertOpen = () => {
    if (closed) throw new Error("the change wrote to the tree after it had finished");
  };
  const isFile = async (absolute: string) =>
    lstat(absolute).then(
      (info) => info.isFile(),
      () => false,
    );

  return {
    close() {
      closed = true;
    },
    pathsToStage() {
      if (listing === undefined) return undefined;
      return [...touched]
        .filter(([file, present]) => present || listing.ids.has(file))
        .map(([file]) => `${manifestsPath}/${file}`);
    },
    async read(relative) {
      if (await knownAbsent(relative)) return undefined;
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
      if (await knownAbsent(relative)) return false;
      return isFile(await resolve(relative));
    },
    blobId(relative) {
      const id = listing?.ids.get(relative);
      if (id === undefined || touched.size === 0) return id;
      return touched.has(treePath(manifestsPath, relative).slice(manifestsPath.length + 1))
        ? undefined
        : id;
    },
    async write(relative, content) {
      assertOpen();
      const absolute = await resolve(relative);
      touch(relative, true);
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
        assertOpen();
        await rename(temporary, absolute);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async delete(relative) {
      assertOpen();
      const absolute = await resolve(relative);
      if (!(await isFile(absolute))) return false;
      assertOpen();
      touch(relative, false);
      await rm(absolute);
      const root = checked.root ?? (await realpath(cloneDir));
      await removeEmptyFolders(path.dirname(absolute), path.join(root, manifestsPath));
      return true;
    },
    async list(folder) {
      const root = treeFolder(manifestsPath, folder);
      const absolute = await resolveWithoutLinks(cloneDir, root, checked);
      if (listing !== undefined) {
        const prefix = root === manifestsPath ? "" : `${root.slice(manifestsPath.length + 1)}/`;
        const files = listing.files.filter((file) => file.startsWith(prefix));
        if (touched.size === 0) return files;
        const present = new Set(files);
        for (const [file, exists] of touched) {
          if (!file.startsWith(prefix)) continue;
          if (exists) present.add(file);
          else present.delete(file);
        }
        return [...present].sort();
      }
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

/*
 * Git keeps no empty folders, so a clone reset to the commit would have none: removed here, as
 * `git clean -d` did, since a clone that still holds the writer's own last push is not cleaned.
 */
async function removeEmptyFolders(folder: string, root: string): Promise<void> {
  for (let current = folder; current.startsWith(`${root}${path.sep}`);) {
    const removed = await rmdir(current).then(
      () => true,
      () => false,
    );
    if (!removed) return;
    current = path.dirname(current);
  }
}
