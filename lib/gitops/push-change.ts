import { UnavailableError } from "@/lib/errors";
import { syncToRemote } from "./clone";
import { commitChangeOn } from "./head-tree";
import type { GitIdentity } from "./git-env";
import { OutcomeUnknownError } from "./outcome-unknown";
import { pushCommit } from "./push";
import { remoteLabel } from "./remote-failure";
import type { RepoHandle } from "./repo-handle";
import { requestCommits } from "./request-commits";
import type { ParsedRequest } from "./request-input";
import type { TreeChange } from "./types";

export type ChangeRequest = ParsedRequest & { author: GitIdentity; change: TreeChange };
export type ChangeOutcome = { sha: string; committed: boolean; pullRequestUrl?: string };

/**
 * Fetch, run the change on the remote HEAD, commit, push. When a push does not clearly succeed
 * (lost the race, or its answer was lost), fetch again and first look for this request's trailer
 * among the new commits: it may have landed after all. Only if not, run the change again.
 */
export async function pushChange(
  repo: RepoHandle,
  request: ChangeRequest,
  pushAttempts: number,
): Promise<ChangeOutcome> {
  let base: string | undefined;
  let unanswered: UnavailableError | undefined;
  for (let attempt = 1; attempt <= pushAttempts; attempt += 1) {
    const head = await syncAfter(repo, unanswered, request.requestId);
    const landed = await landedSince(repo, base, head, request.requestId);
    if (landed !== undefined) return { sha: landed, committed: true };
    base = head;
    const sha = await commitChangeOn(repo, head, request);
    if (sha === undefined) return { sha: head, committed: false };
    const outcome = await pushCommit(repo, sha, `refs/heads/${repo.branch}`);
    if (outcome.kind === "pushed") return { sha, committed: true };
    if (outcome.kind === "failed") throw outcome.error;
    unanswered = outcome.kind === "unknown" ? outcome.error : undefined;
    if (attempt < pushAttempts) await backOff(attempt);
  }
  // The last push may have landed even so (its answer lost, or curl re-sent it and the copy
  // lost to our own commit): look for the trailer before saying nothing was committed.
  const cause = unanswered ?? new UnavailableError("the last push was turned away");
  const head = await syncAfter(repo, cause, request.requestId);
  const landed = await landedSince(repo, base, head, request.requestId);
  if (landed !== undefined) return { sha: landed, committed: true };
  throw new UnavailableError(
    unanswered === undefined
      ? `the branch "${repo.branch}" at ${remoteLabel(repo.url)} kept moving: ` +
          `${pushAttempts} pushes in a row lost the race; nothing was committed, try again`
      : `${unanswered.message}; the remote does not have the commit: nothing was committed, ` +
          "try again",
  );
}

async function landedSince(
  repo: RepoHandle,
  base: string | undefined,
  head: string,
  requestId: string,
): Promise<string | undefined> {
  if (base === undefined) return undefined;
  return (await requestCommits(repo, [`${base}..${head}`], requestId)).get(requestId);
}

/** Random, growing pauses, so two writers that keep colliding fall out of step. */
function backOff(attempt: number): Promise<void> {
  const ceiling = Math.min(1_000, 25 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

async function syncAfter(
  repo: RepoHandle,
  unanswered: UnavailableError | undefined,
  requestId: string,
) {
  try {
    return await syncToRemote(repo);
  } catch (error) {
    if (unanswered === undefined) throw error;
    throw new OutcomeUnknownError(unanswered.message, requestId, repo.branch);
  }
}
