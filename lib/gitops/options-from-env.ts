import path from "node:path";
import type { AuditJournal } from "@/lib/audit/types";
import type { Env } from "@/lib/settings/env-schema";
import type { GitWriterOptions } from "./create-git-writer";
import { ensureEmbeddedRepository } from "./embedded-repository";
import type { GitReaderOptions } from "./tree-reader";

/** The running console's clone, which its writer keeps and its reader reads. */
function cloneDirOf(settings: Env): string {
  return path.join(settings.dataDir, "gitops-clone");
}

/**
 * The writer's settings from the console's settings. With no FOUNDRY_GIT_URL the remote is the
 * console's own bare repository in the data dir, seeded from the project's `manifests/` folder.
 */
export function gitWriterOptions(
  settings: Env,
  audit: AuditJournal,
  cwd = process.cwd(),
): GitWriterOptions {
  const { git } = settings;
  const embedded = {
    path: git.url,
    branch: git.branch,
    manifestsPath: git.manifestsPath,
    seedFrom: path.resolve(cwd, "manifests"),
    committer: git.committer,
  };
  return {
    url: git.url,
    branch: git.branch,
    token: git.token,
    mode: git.mode,
    manifestsPath: git.manifestsPath,
    committer: git.committer,
    pushAttempts: git.pushAttempts,
    cloneDir: cloneDirOf(settings),
    githubApiUrl: settings.githubApiUrl,
    audit,
    prepareRemote: git.embedded ? () => ensureEmbeddedRepository(embedded) : undefined,
  };
}

/** The reader's settings: the same clone and manifests path as `gitWriterOptions`. */
export function gitReaderOptions(settings: Env): GitReaderOptions {
  return { cloneDir: cloneDirOf(settings), manifestsPath: settings.git.manifestsPath };
}
