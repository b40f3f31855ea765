import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** File path (relative to the repository root) → content. */
export type SeedFiles = Record<string, string>;

const isolatedEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Seed",
  GIT_AUTHOR_EMAIL: "seed@example.test",
  GIT_COMMITTER_NAME: "Seed",
  GIT_COMMITTER_EMAIL: "seed@example.test",
};

async function git(args: string[], cwd?: string): Promise<string> {
  const { stdout } = await execFileAsync("git", args, { cwd, env: isolatedEnv });
  return stdout.trim();
}

/** `git init --bare --initial-branch=<branch>`, then one seed commit when files are given. */
export async function createBareRepository(
  gitDir: string,
  branch: string,
  files?: SeedFiles,
): Promise<void> {
  await git(["init", "--quiet", "--bare", `--initial-branch=${branch}`, gitDir]);
  if (files === undefined) return;
  const work = await mkdtemp(path.join(tmpdir(), "foundry-seed-"));
  try {
    await git(["init", "--quiet", `--initial-branch=${branch}`, work]);
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(work, file)), { recursive: true });
      await writeFile(path.join(work, file), content);
    }
    await git(["add", "-A"], work);
    await git(["commit", "--quiet", "--allow-empty", "-m", "seed: first commit"], work);
    await git(["push", "--quiet", gitDir, `HEAD:refs/heads/${branch}`], work);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
