import { blobIdsByFile, listingArgs } from "./blob-ids";
import { treePath } from "./tree-path";
import type { RepoHandle } from "./repo-handle";
import type { TreeSnapshot } from "./types";

/** The manifests tree at the last fetched remote HEAD, read from Git objects (never the worktree). */
export async function treeSnapshot(repo: RepoHandle): Promise<TreeSnapshot> {
  const sha = (
    await repo.git(["rev-parse", "--verify", `refs/remotes/origin/${repo.branch}^{commit}`])
  ).trim();
  const listing = await repo.git(listingArgs(sha, repo.manifestsPath));
  const prefix = `${repo.manifestsPath}/`;
  const files = listing
    .split("\0")
    .map((entry) => entry.slice(entry.indexOf("\t") + 1))
    .filter((name) => name.startsWith(prefix))
    .map((name) => name.slice(prefix.length))
    .sort();
  const ids = blobIdsByFile(listing, prefix);
  return {
    sha,
    files,
    blobId: (relative) => ids.get(relative),
    async read(relative) {
      const result = await repo.run([
        "cat-file",
        "blob",
        `${sha}:${treePath(repo.manifestsPath, relative)}`,
      ]);
      return result.code === 0 ? result.stdout : undefined;
    },
  };
}
