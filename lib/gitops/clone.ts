import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { UnavailableError } from "@/lib/errors";
import { remoteFailure, remoteLabel } from "./remote-failure";
import type { RepoHandle } from "./repo-handle";

/**
 * Makes sure the clone exists and points at the remote. A new clone is made beside the final
 * folder and renamed into place, so a crash never leaves a half-made clone behind.
 */
export async function ensureClone(repo: RepoHandle): Promise<void> {
  if (await isDirectory(path.join(repo.dir, ".git"))) {
    // A crash in the middle of a commit leaves this lock behind; only this process uses the clone.
    await rm(path.join(repo.dir, ".git", "index.lock"), { force: true });
    const current = await repo.run(["config", "--get", "remote.origin.url"]);
    if (current.stdout.trim() !== repo.url)
      await repo.git(["remote", "set-url", "origin", repo.url]);
    return;
  }
  const parent = path.dirname(repo.dir);
  await mkdir(parent, { recursive: true });
  const partial = `${repo.dir}.partial-${randomBytes(4).toString("hex")}`;
  const args = [
    "clone",
    "--quiet",
    "--no-tags",
    "--single-branch",
    "--branch",
    repo.branch,
    "--",
    repo.url,
    partial,
  ];
  const result = await repo.run(args, { cwd: parent });
  if (result.code !== 0 || result.timedOut) {
    await rm(partial, { recursive: true, force: true });
    throw missingBranch(result.stderr) ? noBranch(repo) : remoteFailure(result, repo.url);
  }
  await rm(repo.dir, { recursive: true, force: true });
  await rename(partial, repo.dir);
}

/** Fetches the branch into its remote-tracking ref; a failure is an Unavailable error. */
export async function fetchBranch(repo: RepoHandle): Promise<void> {
  const refspec = `+refs/heads/${repo.branch}:refs/remotes/origin/${repo.branch}`;
  const result = await repo.run(["fetch", "--quiet", "--no-tags", "origin", refspec]);
  if (result.code !== 0 || result.timedOut) {
    throw missingBranch(result.stderr) ? noBranch(repo) : remoteFailure(result, repo.url);
  }
}

/**
 * Fetches the branch and puts the working tree exactly at its remote HEAD. Returns that sha.
 * When the clone is known to hold that commit and nothing else (the writer's last push, with no
 * write since), it is left as it is: a reset and a clean read every file of a large fleet.
 */
export async function syncToRemote(repo: RepoHandle): Promise<string> {
  await fetchBranch(repo);
  const remote = (
    await repo.git(["rev-parse", "--verify", `refs/remotes/origin/${repo.branch}^{commit}`])
  ).trim();
  if (remote === repo.worktree.cleanAt) return remote;
  return resetToRemote(repo, remote);
}

/** Throws away anything local: the working tree and branch go back to the remote-tracking HEAD. */
export async function resetToRemote(
  repo: RepoHandle,
  target = `refs/remotes/origin/${repo.branch}`,
): Promise<string> {
  repo.worktree.cleanAt = undefined;
  await repo.git(["reset", "--quiet", "--hard", target]);
  await repo.git(["clean", "-ffdxq"]);
  const head = /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(target)
    ? target
    : (await repo.git(["rev-parse", "HEAD"])).trim();
  repo.worktree.cleanAt = head;
  return head;
}

function missingBranch(stderr: string): boolean {
  return /couldn't find remote ref|remote branch .* not found/i.test(stderr);
}

function noBranch(repo: RepoHandle): UnavailableError {
  return new UnavailableError(
    `the Git remote at ${remoteLabel(repo.url)} has no branch "${repo.branch}"; push a first commit to it`,
  );
}

async function isDirectory(target: string): Promise<boolean> {
  return stat(target).then(
    (info) => info.isDirectory(),
    () => false,
  );
}
