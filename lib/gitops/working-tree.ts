import { mkdir, readdir, readFile, realpath, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertInsideTree, treeFolder, treePath } from "./tree-path";
import type { GitTree } from "./types";

/** The change function's view of the clone's working tree, confined to the manifests path. */
export function workingTree(cloneDir: string, manifestsPath: string): GitTree {
  const resolve = (relative: string) =>
    assertInsideTree(cloneDir, manifestsPath, treePath(manifestsPath, relative));
  const isFile = async (absolute: string) =>
    stat(absolute).then(
      (info) => info.isFile(),
      () => false,
    );

  return {
    async read(relative) {
      const absolute = await resolve(relative);
      return (await isFile(absolute)) ? readFile(absolute, "utf8") : undefined;
    },
    async exists(relative) {
      return isFile(await resolve(relative));
    },
    async write(relative, content) {
      const absolute = await resolve(relative);
      await mkdir(path.dirname(absolute), { recursive: true });
      await writeFile(absolute, content);
    },
    async delete(relative) {
      const absolute = await resolve(relative);
      if (!(await isFile(absolute))) return false;
      await rm(absolute);
      return true;
    },
    async list(folder) {
      const start = treeFolder(manifestsPath, folder);
      const absolute = await assertInsideTree(cloneDir, manifestsPath, start);
      const base = path.join(await realpath(cloneDir), manifestsPath);
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
