import path from "node:path";
import type { AuditJournal, AuditOutcome } from "@/lib/audit/types";
import { InvalidError } from "@/lib/errors";
import { ensureClone, fetchBranch, forgetFailedWrite } from "./clone";
import type { GitIdentity } from "./git-env";
import { parseGitHubRepository } from "./github-repository";
import { createKeyedQueue, processQueue, type KeyedQueue } from "./keyed-queue";
import { OutcomeUnknownError } from "./outcome-unknown";
import { pullRequestChange } from "./pull-request-change";
import { pushChange, type ChangeOutcome } from "./push-change";
import { recoverPending } from "./recover";
import { checkRemote } from "./remote-status";
import { createRepoHandle } from "./repo-handle";
import { parseRequest, type ParsedRequest } from "./request-input";
import { failureOutcome, scrubError } from "./scrub-error";
import { treeSnapshot } from "./tree-snapshot";
import type {
  ApplyChangeInput,
  ApplyChangeResult,
  RecoveryReport,
  RemoteStatus,
  TreeSnapshot,
} from "./types";

export type GitWriterOptions = {
  url: string;
  branch: string;
  token?: string;
  mode: "push" | "pull-request";
  manifestsPath: string;
  committer: GitIdentity;
  pushAttempts: number;
  /** This writer's own clone; one per process (replicas never share one). */
  cloneDir: string;
  githubApiUrl: string;
  audit: AuditJournal;
  /** Serialises writes per remote and branch; the process-wide queue unless given. */
  queue?: KeyedQueue;
  networkTimeoutMs?: number;
  /** Runs once before the first clone, e.g. to create the embedded repository. */
  prepareRemote?: () => Promise<unknown>;
};

export type GitWriter = {
  applyChange(input: ApplyChangeInput): Promise<ApplyChangeResult>;
  readTree(options?: { refresh?: boolean }): Promise<TreeSnapshot>;
  checkRemote(): Promise<RemoteStatus>;
  /** Settles pending audit entries (e.g. after a crash); skips this writer's own in-flight ones. */
  recoverInterruptedWrites(options?: { startedBefore?: Date }): Promise<RecoveryReport>;
};

export function createGitWriter(options: GitWriterOptions): GitWriter {
  const manifestsPath = checkedManifestsPath(options.manifestsPath);
  if (/^[a-z]+:\/\/[^/]*@/i.test(options.url)) {
    throw new InvalidError(
      "the Git remote URL must not contain credentials; pass the token separately",
    );
  }
  const github = options.mode === "pull-request" ? parseGitHubRepository(options.url) : undefined;
  const networkTimeoutMs = options.networkTimeoutMs ?? 30_000;
  const repo = createRepoHandle({
    url: options.url,
    branch: options.branch,
    committer: options.committer,
    token: options.token,
    dir: options.cloneDir,
    manifestsPath,
    networkTimeoutMs,
  });
  const pullRequests = github && {
    apiUrl: options.githubApiUrl,
    token: options.token,
    repository: github,
    redact: repo.redact,
    timeoutMs: networkTimeoutMs,
    pushAttempts: options.pushAttempts,
  };
  const queue = options.queue ?? processQueue();
  const key = `${options.url}#${options.branch}`;
  const inFlight = new Set<string>();
  let cloned = false;
  let prepared = false;

  const prepare = async () => {
    if (prepared) return;
    await options.prepareRemote?.();
    prepared = true;
  };
  const ready = async () => {
    if (cloned) return;
    await prepare();
    await ensureClone(repo);
    cloned = true;
  };
  const finish = async (requestId: string, outcome: AuditOutcome) => {
    // The write is settled in Git either way; a lost audit update stays pending for recovery.
    await options.audit.finish(requestId, outcome).catch((error: unknown) => {
      console.error(
        `gitops: could not record the outcome of ${requestId}:`,
        repo.redact(String(error)),
      );
    });
  };
  const write = (request: ParsedRequest, input: ApplyChangeInput) =>
    queue.run(key, async (): Promise<ChangeOutcome> => {
      await ready();
      const change = { ...request, author: input.actor, change: input.change };
      try {
        return pullRequests === undefined
          ? await pushChange(repo, change, options.pushAttempts)
          : await pullRequestChange(repo, { ...change, login: input.actor.login }, pullRequests);
      } catch (error) {
        forgetFailedWrite(repo);
        throw error;
      }
    });

  return {
    async applyChange(input) {
      const request = parseRequest(input);
      await options.audit.start({ ...request, actor: input.actor });
      inFlight.add(request.requestId);
      try {
        const outcome = await write(request, input);
        await finish(request.requestId, {
          status: "succeeded",
          ...(outcome.committed ? { commitSha: outcome.sha } : {}),
          ...(outcome.pullRequestUrl ? { pullRequestUrl: outcome.pullRequestUrl } : {}),
        });
        return { requestId: request.requestId, ...outcome };
      } catch (error) {
        const safe = scrubError(error, repo.redact);
        // Left pending on purpose: recovery settles it from the remote's history later.
        if (!(safe instanceof OutcomeUnknownError))
          await finish(request.requestId, failureOutcome(safe));
        throw safe;
      } finally {
        inFlight.delete(request.requestId);
      }
    },
    async readTree({ refresh = false } = {}) {
      if (cloned && !refresh) return treeSnapshot(repo);
      return queue.run(key, async () => {
        await ready();
        if (refresh) await fetchBranch(repo);
        return treeSnapshot(repo);
      });
    },
    async checkRemote() {
      try {
        await prepare();
      } catch (error) {
        return { ok: false, reason: scrubError(error, repo.redact).message };
      }
      return checkRemote(repo);
    },
    recoverInterruptedWrites: ({ startedBefore } = {}) =>
      queue.run(key, async () => {
        await ready();
        return recoverPending(repo, options.audit, async (entry) => {
          if (inFlight.has(entry.requestId)) return true;
          // Another replica's row: settled only once that replica is gone, however recent.
          const gone = await options.audit.ownerGone(entry);
          if (gone !== undefined) return !gone;
          return startedBefore !== undefined && entry.startedAt >= startedBefore;
        });
      }),
  };
}

function checkedManifestsPath(value: string): string {
  const normalised = path.posix.normalize(value.replace(/\/+$/, ""));
  if (normalised === "." || normalised.startsWith("/") || normalised.split("/").includes("..")) {
    throw new InvalidError(
      `the manifests path "${value}" must name a folder inside the repository`,
    );
  }
  return normalised;
}

export { createKeyedQueue };
