import { treeListing } from "./tree-listing";
import { treePath } from "./tree-path";
import type { RepoHandle } from "./repo-handle";
import type { TreeSnapshot } from "./types";

/** The manifests tree at the last fetched remote HEAD, read from Git objects (never the worktree). */
export async function treeSnapshot(repo: RepoHandle): Promise<TreeSnapshot> {
  const sha = (
    await repo.git(["rev-parse", "--verify", `refs/remotes/origin/${repo.branch}^{commit}`])
  ).trim();
  const { ids, files } = await treeListing((args) => repo.git(args), sha, repo.manifestsPath);
  return {
    sha,
    files: [...files],
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
