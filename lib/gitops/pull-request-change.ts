import { ConflictError, UnavailableError } from "@/lib/errors";
import { syncToRemote } from "./clone";
import { commitChangeOn } from "./head-tree";
import { oneLine } from "./commit-message";
import { openPullRequest, type PullRequestSettings } from "./pull-request";
import { pushCommit } from "./push";
import type { ChangeOutcome, ChangeRequest } from "./push-change";
import type { RepoHandle } from "./repo-handle";

/**
 * Commits the change on top of the branch's HEAD, pushes it to its own branch and opens a pull
 * request against the branch. The branch name is unique per request, so pushes never race.
 */
export async function pullRequestChange(
  repo: RepoHandle,
  request: ChangeRequest & { login: string },
  settings: PullRequestSettings & { pushAttempts: number },
): Promise<ChangeOutcome> {
  const head = await syncToRemote(repo);
  const sha = await commitChangeOn(repo, head, request);
  if (sha === undefined) return { sha: head, committed: false };
  const branch = pullRequestBranch(request.action, request.requestId);
  await pushBranch(repo, branch, sha, settings.pushAttempts);
  try {
    const pullRequestUrl = await openPullRequest(settings, {
      head: branch,
      base: repo.branch,
      title: request.summary,
      body: pullRequestBody(request),
    });
    return { sha, committed: true, pullRequestUrl };
  } catch (error) {
    await repo.run(["push", "--quiet", "origin", "--delete", `refs/heads/${branch}`]);
    throw error;
  }
}

function pullRequestBody(request: ChangeRequest & { login: string }): string {
  const who = `${oneLine(request.author.name)} (@${oneLine(request.login, 60)})`;
  const trailers = `Foundry-Action: ${request.action}\nFoundry-Request: ${request.requestId}`;
  return `Requested by ${who} in the Foundry console.\n\n${trailers}\n`;
}

export function pullRequestBranch(action: string, requestId: string): string {
  return `foundry/${action}-${requestId
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, 8)
    .toLowerCase()}`;
}

async function pushBranch(repo: RepoHandle, branch: string, sha: string, attempts: number) {
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const outcome = await pushCommit(repo, sha, `refs/heads/${branch}`);
    if (outcome.kind === "pushed") return;
    if (outcome.kind === "failed") throw outcome.error;
    // The answer was lost or the ref moved: it may be our own push that got there.
    const remote = await repo.run(["ls-remote", "origin", `refs/heads/${branch}`]);
    if (remote.code === 0 && remote.stdout.startsWith(sha)) return;
    if (outcome.kind === "behind") {
      throw new ConflictError(
        `the branch "${branch}" already exists on the Git remote with other work`,
      );
    }
    if (remote.code !== 0) throw outcome.error;
  }
  throw new UnavailableError(
    `the branch "${branch}" could not be pushed after ${attempts} attempts`,
  );
}
