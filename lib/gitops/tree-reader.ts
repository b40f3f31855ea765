import path from "node:path";
import { readBlobs } from "./blob-batch";
import type { BlobCache } from "./blob-cache";
import { git, type GitRunOptions } from "./git-command";
import { gitEnvironment } from "./git-env";
import { createRedactor } from "./redact";
import { treeListing } from "./tree-listing";
import { folderPrefix } from "./tree-path";
import type { TreeReader } from "./types";

/** Reads the writer's clone, never writes it: writing stays the GitOps writer's alone. */
export type GitReader = {
  /** The files under `folders` (relative to the manifests path) at `sha`, a commit the writer fetched. */
  readFolders(sha: string, folders: string[]): Promise<TreeReader>;
};

export type GitReaderOptions = {
  /** The writer's clone. */
  cloneDir: string;
  manifestsPath: string;
};

/*
 * Reads folders of one commit straight from the writer's clone: one `ls-tree` (shared by every
 * reader of that commit) and, on the first read of a blob the cache does not hold, one
 * `cat-file --batch` for all such blobs, so listing thousands of servers costs two processes
 * instead of one per file, and a reader whose files are all parsed already reads none.
 */
export function createGitReader(options: GitReaderOptions, cache: BlobCache): GitReader {
  const run: GitRunOptions = {
    cwd: options.cloneDir,
    env: { ...gitEnvironment({ token: undefined }), GIT_DIR: path.join(options.cloneDir, ".git") },
    // A read carries no token, so there is nothing to hide.
    redact: createRedactor(undefined),
  };
  return {
    async readFolders(sha, folders) {
      const { ids, files: all } = await treeListing(
        (args) => git(args, run),
        sha,
        options.manifestsPath,
      );
      const prefixes = folders.map((folder) => folderPrefix(options.manifestsPath, folder));
      const inFolders = (file: string) => prefixes.some((prefix) => file.startsWith(prefix));
      const files = all.filter(inFolders);
      const idOf = (file: string) => (inFolders(file) ? ids.get(file) : undefined);
      // Once one blob is not in the cache, every text is read and kept here (the cache's in one
      // pass, the rest in one batch): the caller keeps them, so eviction never takes a blob from
      // under it.
      let pinned: Promise<Map<string, string>> | undefined;
      const pinAll = () => {
        pinned ??= blobTexts(new Set(files.flatMap((file) => ids.get(file) ?? [])), cache, run);
        return pinned;
      };
      return {
        list: async (folder) =>
          files.filter((file) => !folder || file.startsWith(`${folder.replace(/\/+$/, "")}/`)),
        read: async (file) => {
          const id = idOf(file);
          if (id === undefined) return undefined;
          if (pinned !== undefined) return (await pinned).get(id);
          return cache.get(id) ?? (await pinAll()).get(id);
        },
        blobId: idOf,
      };
    },
  };
}

/** The texts of the given blobs, from the cache where it has them and from one `cat-file` else. */
async function blobTexts(
  ids: Set<string>,
  cache: BlobCache,
  run: GitRunOptions,
): Promise<Map<string, string>> {
  // The caller keeps these references, so eviction never takes a blob from under a reader.
  const blobs = new Map<string, string>();
  const missing: string[] = [];
  for (const id of ids) {
    const text = cache.get(id);
    if (text === undefined) missing.push(id);
    else blobs.set(id, text);
  }
  if (missing.length > 0) {
    for (const [id, blob] of await readBlobs(missing, run)) {
      blobs.set(id, blob.text);
      cache.set(id, blob.text, blob.bytes);
    }
  }
  return blobs;
}
