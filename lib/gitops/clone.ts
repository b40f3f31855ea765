import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { UnavailableError } from "@/lib/errors";
import { commitIndexPrefix } from "./commit";
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
    await dropWorkingTree(repo.dir);
    await dropOldCommitIndexes(repo.dir);
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
    // Changes never touch a working tree (object-tree.ts): none is written.
    "--no-checkout",
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

/*
 * A clone made before commits were made from objects has a working tree, frozen at its last reset
 * and never read again: its files and index go, once.
 */
async function dropWorkingTree(dir: string): Promise<void> {
  const entries = await readdir(dir);
  if (entries.every((entry) => entry === ".git")) return;
  for (const entry of entries) {
    if (entry !== ".git") await rm(path.join(dir, entry), { recursive: true, force: true });
  }
  await rm(path.join(dir, ".git", "index"), { force: true });
}

// Each writer builds commits in an index of its own; those of processes long gone are dropped.
// One still in use would only make its writer's next commit fail its check, never a wrong one.
const oldIndexMs = 24 * 60 * 60 * 1000;

async function dropOldCommitIndexes(dir: string): Promise<void> {
  const gitDir = path.join(dir, ".git");
  for (const entry of await readdir(gitDir)) {
    if (!entry.startsWith(commitIndexPrefix)) continue;
    const file = path.join(gitDir, entry);
    const info = await stat(file).catch(() => undefined);
    if (info !== undefined && Date.now() - info.mtimeMs > oldIndexMs)
      await rm(file, { force: true });
  }
}

/** Fetches the branch into its remote-tracking ref; a failure is an Unavailable error. */
export async function fetchBranch(repo: RepoHandle): Promise<void> {
  const refspec = `+refs/heads/${repo.branch}:refs/remotes/origin/${repo.branch}`;
  const result = await repo.run(["fetch", "--quiet", "--no-tags", "origin", refspec]);
  if (result.code !== 0 || result.timedOut) {
    throw missingBranch(result.stderr) ? noBranch(repo) : remoteFailure(result, repo.url);
  }
}

/** Fetches the branch and returns its remote HEAD, the commit the next change starts from. */
export async function syncToRemote(repo: RepoHandle): Promise<string> {
  await fetchBranch(repo);
  return (
    await repo.git(["rev-parse", "--verify", `refs/remotes/origin/${repo.branch}^{commit}`])
  ).trim();
}

/**
 * After a failed write: nothing the writer keeps locally can hold part of it (a change lives in
 * memory, a commit is made from objects), so only the commit index is no longer trusted.
 */
export function forgetFailedWrite(repo: RepoHandle): void {
  repo.commitIndex.holds = undefined;
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
