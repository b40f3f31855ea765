import type { RepoHandle } from "./repo-handle";
import { treeListing } from "./tree-listing";
import { workingTree, type ChangedTree } from "./working-tree";

/**
 * The working tree just reset to `head`, knowing each file's object id from one `ls-tree` (or the
 * listing of that commit read before), so a change can recognise files it has parsed before
 * without opening them, and list folders without reading them.
 */
export async function headTree(repo: RepoHandle, head: string): Promise<ChangedTree> {
  const listing = await treeListing((args) => repo.git(args), head, repo.manifestsPath);
  // The change about to run writes the clone: it is no longer known to be as `head` holds it.
  repo.worktree.cleanAt = undefined;
  return workingTree(repo.dir, repo.manifestsPath, listing);
}
