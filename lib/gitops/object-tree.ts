import { ConflictError } from "@/lib/errors";
import { parseBatch } from "./blob-batch";
import type { RepoHandle } from "./repo-handle";
import { linkError } from "./tree-links";
import type { TreeListing } from "./tree-listing";
import { folderPrefix, printable, treePath } from "./tree-path";
import type { GitTree } from "./types";

/** What a change wrote (text by path) and deleted, by path relative to the manifests path. */
export type StagedChange = {
  writes: ReadonlyMap<string, string>;
  deletes: ReadonlySet<string>;
};

export type StagedTree = GitTree & {
  staged(): StagedChange;
  /**
   * Ends the change's hold on the tree: a write or delete after this (one the change forgot to
   * await, say) throws instead of joining a commit already made.
   */
  close(): void;
  /** Reads these files' objects in one batch ahead of the reads that follow. */
  prefetch(paths: readonly string[]): Promise<void>;
};

/**
 * A change's view of the manifests tree at `listing`'s commit, read from Git's objects and
 * written into memory: nothing reaches the disk until the commit is made from objects, so no
 * path from the repository is ever opened, and a clone holding 10,000 servers is neither reset
 * nor cleaned nor scanned. Symbolic links in the commit are refused on every path, as a working
 * tree refused them: the console neither reads nor writes through one.
 */
export function objectTree(repo: RepoHandle, listing: TreeListing): StagedTree {
  const manifestsPath = repo.manifestsPath;
  const writes = new Map<string, string>();
  const deletes = new Set<string>();
  const texts = new Map<string, string>();
  // How many written files each folder holds: a folder emptied again is no folder.
  const writtenFolders = new Map<string, number>();
  const countWritten = (key: string, by: number) => {
    for (const folder of foldersOf([key])) {
      const count = (writtenFolders.get(folder) ?? 0) + by;
      if (count > 0) writtenFolders.set(folder, count);
      else writtenFolders.delete(folder);
    }
  };
  let commitFolders: Set<string> | undefined;
  let closed = false;

  const keyOf = (relative: string) =>
    treePath(manifestsPath, relative).slice(manifestsPath.length + 1);
  const refuseLinks = (key: string) => {
    if (listing.rootLink !== undefined) throw linkError(listing.rootLink);
    const parts = key.split("/");
    for (let index = 1; index <= parts.length; index += 1) {
      const prefix = parts.slice(0, index).join("/");
      if (listing.links.has(prefix)) throw linkError(`${manifestsPath}/${prefix}`);
    }
  };
  const present = (key: string) => writes.has(key) || (listing.ids.has(key) && !deletes.has(key));
  const assertOpen = () => {
    if (closed) throw new Error("the change wrote to the tree after it had finished");
  };

  // Reads asked for in the same turn of the event loop share one `cat-file --batch`.
  type Waiter = { resolve: (text: string | undefined) => void; reject: (error: unknown) => void };
  let batch: Map<string, Waiter[]> | undefined;
  const readObject = (id: string): Promise<string | undefined> => {
    const known = texts.get(id);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      let waiting = batch;
      if (waiting === undefined) {
        const opened = new Map<string, Waiter[]>();
        waiting = opened;
        batch = opened;
        setImmediate(() => {
          batch = undefined;
          readObjects([...opened.keys()]).then(
            () => {
              for (const [waited, waiters] of opened)
                for (const waiter of waiters) waiter.resolve(texts.get(waited));
            },
            (error: unknown) => {
              for (const waiters of opened.values())
                for (const waiter of waiters) waiter.reject(error);
            },
          );
        });
      }
      const waiters = waiting.get(id) ?? [];
      waiters.push({ resolve, reject });
      waiting.set(id, waiters);
    });
  };
  const readObjects = async (ids: string[]): Promise<void> => {
    const missing = ids.filter((id) => !texts.has(id));
    if (missing.length === 0) return;
    const out = await repo.bytes(["cat-file", "--batch"], { input: `${missing.join("\n")}\n` });
    for (const [id, blob] of parseBatch(out)) texts.set(id, blob.text);
  };

  return {
    staged: () => ({ writes, deletes }),
    close() {
      closed = true;
    },
    async prefetch(paths) {
      const ids = paths.flatMap((relative) => {
        const key = keyOf(relative);
        const id = writes.has(key) || deletes.has(key) ? undefined : listing.ids.get(key);
        return id === undefined ? [] : [id];
      });
      await readObjects([...new Set(ids)]);
    },
    async read(relative) {
      const key = keyOf(relative);
      refuseLinks(key);
      if (writes.has(key)) return writes.get(key);
      if (deletes.has(key)) return undefined;
      const id = listing.ids.get(key);
      return id === undefined ? undefined : readObject(id);
    },
    async exists(relative) {
      const key = keyOf(relative);
      refuseLinks(key);
      return present(key);
    },
    blobId(relative) {
      if (writes.has(relative) || deletes.has(relative)) return undefined;
      return listing.ids.get(relative);
    },
    async write(relative, content) {
      assertOpen();
      const key = keyOf(relative);
      refuseLinks(key);
      const parts = key.split("/");
      for (let index = 1; index < parts.length; index += 1) {
        const folder = parts.slice(0, index).join("/");
        if (present(folder)) {
          throw new ConflictError(
            `"${printable(`${manifestsPath}/${folder}`)}" is a file in the repository, not a folder`,
          );
        }
      }
      if (isFolder(key)) {
        throw new ConflictError(
          `"${printable(`${manifestsPath}/${key}`)}" is a folder in the repository, not a file`,
        );
      }
      if (!writes.has(key)) countWritten(key, 1);
      writes.set(key, content);
      deletes.delete(key);
    },
    async delete(relative) {
      assertOpen();
      const key = keyOf(relative);
      refuseLinks(key);
      const existed = present(key);
      if (writes.delete(key)) countWritten(key, -1);
      if (listing.ids.has(key)) deletes.add(key);
      return existed;
    },
    async list(folder) {
      const prefix = folderPrefix(manifestsPath, folder);
      if (prefix === "") {
        if (listing.rootLink !== undefined) throw linkError(listing.rootLink);
      } else {
        refuseLinks(prefix.slice(0, -1));
      }
      const files = listing.files.filter((file) => file.startsWith(prefix));
      if (writes.size === 0 && deletes.size === 0) return files;
      const all = new Set(files.filter((file) => !deletes.has(file)));
      for (const file of writes.keys()) if (file.startsWith(prefix)) all.add(file);
      return [...all].sort();
    },
  };

  // A folder still holding a file, in the commit or written since. The commit's folders are
  // gathered once: a 10,000-row CSV asks for each of its files.
  function isFolder(key: string): boolean {
    if (writtenFolders.has(key)) return true;
    commitFolders ??= foldersOf(listing.files);
    if (!commitFolders.has(key)) return false;
    const inside = `${key}/`;
    return listing.files.some((file) => file.startsWith(inside) && !deletes.has(file));
  }
}

function foldersOf(files: Iterable<string>, into = new Set<string>()): Set<string> {
  for (const file of files) {
    for (let slash = file.indexOf("/"); slash !== -1; slash = file.indexOf("/", slash + 1))
      into.add(file.slice(0, slash));
  }
  return into;
}
