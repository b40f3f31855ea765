import { objectTree, type StagedTree } from "./object-tree";
import type { RepoHandle } from "./repo-handle";
import { treeListing, type TreeListing } from "./tree-listing";

/**
 * The manifests tree at `head` as a change sees it: its files from one `ls-tree` (or the listing
 * of that commit read before), read from objects, written into memory until the commit.
 */
export async function headTree(
  repo: RepoHandle,
  head: string,
): Promise<{ tree: StagedTree; listing: TreeListing }> {
  const listing = await treeListing((args) => repo.git(args), head, repo.manifestsPath);
  return { tree: objectTree(repo, listing), listing };
}
