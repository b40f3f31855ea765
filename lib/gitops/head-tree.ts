import { commitStaged } from "./commit";
import { objectTree } from "./object-tree";
import type { ChangeRequest } from "./push-change";
import type { RepoHandle } from "./repo-handle";
import { treeListing } from "./tree-listing";

/**
 * Runs the change on the manifests tree at `head` (its files from one `ls-tree`, or the listing of
 * that commit read before; read from objects, written into memory) and makes its commit on top of
 * `head`. Returns the new sha, or undefined when the change left the tree as it was.
 */
export async function commitChangeOn(
  repo: RepoHandle,
  head: string,
  request: ChangeRequest,
): Promise<string | undefined> {
  const listing = await treeListing((args) => repo.git(args), head, repo.manifestsPath);
  const tree = objectTree(repo, listing);
  try {
    await request.change(tree);
  } finally {
    tree.close();
  }
  return commitStaged(repo, request, head, listing, tree.staged());
}
