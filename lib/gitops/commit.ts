import { commitMessage, identity } from "./commit-message";
import { GitCommandError } from "./git-command";
import type { GitIdentity } from "./git-env";
import type { RepoHandle } from "./repo-handle";

/**
 * Stages what the change wrote and deleted (`paths`, from the repository root; everything when
 * undefined) and commits it with the person as author and the console as committer.
 * Returns the new sha, or undefined when the tree did not change (no empty commits).
 */
export async function commitChange(
  repo: RepoHandle,
  request: { author: GitIdentity; summary: string; action: string; requestId: string },
  paths?: string[],
): Promise<string | undefined> {
  // The tree was cleaned before the change, so every file here is one the change wrote, and a
  // .gitignore in the repo must not silently drop part of it (--force; update-index ignores it).
  // Naming the paths spares git a scan of every file of a large fleet, and they stay names, never
  // patterns.
  if (paths === undefined) await repo.git(["add", "--all", "--force"]);
  else if (paths.length > 0)
    await repo.git(["update-index", "--add", "--remove", "-z", "--stdin"], {
      input: paths.map((file) => `${file}\0`).join(""),
    });
  const diff = await repo.run(["diff", "--cached", "--quiet"]);
  if (diff.code === 0) return undefined;
  if (diff.code !== 1) throw new GitCommandError("diff", diff);
  // --cleanup=whitespace keeps lines that start with '#': a summary is text, never a comment.
  await repo.git(["commit", "--quiet", "--no-verify", "--cleanup=whitespace", "-F", "-"], {
    input: commitMessage(request),
    author: identity(request.author),
  });
  return (await repo.git(["rev-parse", "HEAD"])).trim();
}
