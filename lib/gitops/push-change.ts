import { UnavailableError } from "@/lib/errors";
import { syncToRemote } from "./clone";
import { commitChange } from "./commit";
import type { GitIdentity } from "./git-env";
import { pushHead } from "./push";
import { remoteLabel } from "./remote-failure";
import type { RepoHandle } from "./repo-handle";
import { requestCommits } from "./request-commits";
import type { ParsedRequest } from "./request-input";
import type { TreeChange } from "./types";
import { workingTree } from "./working-tree";

export type ChangeRequest = ParsedRequest & { author: GitIdentity; change: TreeChange };
export type ChangeOutcome = { sha: string; committed: boolean; pullRequestUrl?: string };

/**
 * Fetch, run the change on the remote HEAD, commit, push. When the push loses a race, start over
 * from the new HEAD (the change runs again and may now refuse). When the push's fate is unknown,
 * look for this request's trailer on the remote before trying again, so nothing lands twice.
 */
export async function pushChange(
  repo: RepoHandle,
  request: ChangeRequest,
  pushAttempts: number,
): Promise<ChangeOutcome> {
  for (let attempt = 1; attempt <= pushAttempts; attempt += 1) {
    const head = await syncToRemote(repo);
    await request.change(workingTree(repo.dir, repo.manifestsPath));
    const sha = await commitChange(repo, request);
    if (sha === undefined) return { sha: head, committed: false };
    const outcome = await pushHead(repo, `refs/heads/${repo.branch}`);
    if (outcome.kind === "pushed") return { sha, committed: true };
    if (outcome.kind === "failed") throw outcome.error;
    if (outcome.kind === "unknown") {
      const landed = await landedCommit(repo, request.requestId, outcome.error);
      if (landed !== undefined) return { sha: landed, committed: true };
    }
  }
  throw new UnavailableError(
    `the branch "${repo.branch}" at ${remoteLabel(repo.url)} kept moving: ${pushAttempts} pushes in a row lost the race; nothing was committed, try again`,
  );
}

async function landedCommit(
  repo: RepoHandle,
  requestId: string,
  pushError: UnavailableError,
): Promise<string | undefined> {
  try {
    await syncToRemote(repo);
  } catch {
    throw new UnavailableError(
      `${pushError.message}; whether the push landed cannot be checked now (look for Foundry-Request: ${requestId})`,
    );
  }
  const found = await requestCommits(repo, [`refs/remotes/origin/${repo.branch}`], requestId);
  return found.get(requestId);
}
