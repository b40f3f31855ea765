import path from "node:path";
import { readBlobs } from "./blob-batch";
import { blobIdsByFile, listingArgs } from "./blob-ids";
import type { BlobCache } from "./blob-cache";
import { git, type GitRunOptions } from "./git-command";
import { gitEnvironment } from "./git-env";
import { createRedactor } from "./redact";
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
 * Reads folders of one commit straight from the writer's clone: one `ls-tree` and one
 * `cat-file --batch` for the blobs not seen before, so listing thousands of servers costs two
 * processes instead of one per file.
 */
export function createGitReader(options: GitReaderOptions, cache: BlobCache): GitReader {
  const run: GitRunOptions = {
    cwd: options.cloneDir,
    env: { ...gitEnvironment({ token: undefined }), GIT_DIR: path.join(options.cloneDir, ".git") },
    // A read carries no token, so there is nothing to hide.
    redact: createRedactor(undefined),
  };
  const prefix = `${options.manifestsPath}/`;
  return {
    async readFolders(sha, folders) {
      const listing = await git(listingArgs(sha, options.manifestsPath, folders), run);
      const ids = blobIdsByFile(listing, prefix);
      const blobs = await blobTexts(new Set(ids.values()), cache, run);
      const files = [...ids.keys()].sort();
      return {
        list: async (folder) =>
          files.filter((file) => !folder || file.startsWith(`${folder.replace(/\/+$/, "")}/`)),
        read: async (file) => {
          const id = ids.get(file);
          return id === undefined ? undefined : blobs.get(id);
        },
        blobId: (file) => ids.get(file),
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
