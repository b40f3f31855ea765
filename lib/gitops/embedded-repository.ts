import { randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { GitIdentity } from "./git-env";
import { createRepoHandle } from "./repo-handle";

export type EmbeddedRepositoryOptions = {
  /** Where the bare repository lives, e.g. `<dataDir>/gitops.git`. */
  path: string;
  branch: string;
  manifestsPath: string;
  /** The folder whose files become the first commit, e.g. `<cwd>/manifests`. */
  seedFrom: string;
  committer: GitIdentity;
};

/**
 * Creates the console's own bare repository on first start, seeded once from `seedFrom`.
 * It is built beside its final place and renamed in, so it is either absent or complete.
 * Resolves true when it created the repository, false when one was already there.
 */
export async function ensureEmbeddedRepository(
  options: EmbeddedRepositoryOptions,
): Promise<boolean> {
  if (await exists(path.join(options.path, "HEAD"))) return false;
  await mkdir(path.dirname(options.path), { recursive: true });
  const building = `${options.path}.seeding-${randomBytes(4).toString("hex")}`;
  const work = await mkdtemp(path.join(tmpdir(), "foundry-seed-"));
  const handle = (dir: string) =>
    createRepoHandle({
      ...options,
      dir,
      url: building,
      token: undefined,
      networkTimeoutMs: 60_000,
    });
  try {
    await handle(tmpdir()).git([
      "init",
      "--quiet",
      "--bare",
      `--initial-branch=${options.branch}`,
      building,
    ]);
    await handle(tmpdir()).git(["init", "--quiet", `--initial-branch=${options.branch}`, work]);
    if (await exists(options.seedFrom)) {
      await cp(options.seedFrom, path.join(work, options.manifestsPath), { recursive: true });
    }
    const repo = handle(work);
    await repo.git(["add", "--all"]);
    await repo.git(["commit", "--quiet", "--allow-empty", "-F", "-"], {
      input: "manifests: seed the GitOps tree from the console's manifests folder\n",
    });
    await repo.git(["push", "--quiet", building, `HEAD:refs/heads/${options.branch}`]);
    try {
      await rename(building, options.path);
      return true;
    } catch (error) {
      if (await exists(path.join(options.path, "HEAD"))) return false;
      throw error;
    }
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(building, { recursive: true, force: true });
  }
}

async function exists(target: string): Promise<boolean> {
  return stat(target).then(
    () => true,
    () => false,
  );
}
