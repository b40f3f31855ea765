import { commitMessage, identity } from "./commit-message";
import { GitCommandError } from "./git-command";
import type { GitIdentity } from "./git-env";
import type { RepoHandle } from "./repo-handle";

/**
 * Stages everything and commits it with the person as author and the console as committer.
 * Returns the new sha, or undefined when the tree did not change (no empty commits).
 */
export async function commitChange(
  repo: RepoHandle,
  request: { author: GitIdentity; summary: string; action: string; requestId: string },
): Promise<string | undefined> {
  // --force: the tree was cleaned before the change, so every file here is one the change wrote,
  // and a .gitignore in the repo must not silently drop part of it.
  await repo.git(["add", "--all", "--force"]);
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
