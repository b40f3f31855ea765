import { blobIdsByFile, listingArgs } from "./blob-ids";
import type { RepoHandle } from "./repo-handle";
import type { GitTree } from "./types";
import { workingTree } from "./working-tree";

/**
 * The working tree just reset to `head`, knowing each file's object id from one `ls-tree`, so a
 * change can recognise files it has parsed before without opening them.
 */
export async function headTree(repo: RepoHandle, head: string): Promise<GitTree> {
  const listing = await repo.git(listingArgs(head, repo.manifestsPath));
  return workingTree(
    repo.dir,
    repo.manifestsPath,
    blobIdsByFile(listing, `${repo.manifestsPath}/`),
  );
}
