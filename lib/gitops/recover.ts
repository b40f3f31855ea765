import type { AuditJournal, AuditOutcome, PendingAudit } from "@/lib/audit/types";
import { ConflictError } from "@/lib/errors";
import { remoteFailure } from "./remote-failure";
import type { RepoHandle } from "./repo-handle";
import { requestCommits } from "./request-commits";
import type { RecoveryReport } from "./types";

export const interruptedMessage =
  "interrupted before it was pushed (the console stopped); nothing was committed";

/**
 * Settles audit entries left pending by a crash: the remote's history (every branch, so pull
 * request branches count) is the truth. A trailer found means the write was accepted.
 */
export async function recoverPending(
  repo: RepoHandle,
  audit: AuditJournal,
  skip: (entry: PendingAudit) => Promise<boolean>,
): Promise<RecoveryReport> {
  const pending: PendingAudit[] = [];
  for (const entry of await audit.pending()) if (!(await skip(entry))) pending.push(entry);
  const report: RecoveryReport = { succeeded: [], failed: [] };
  if (pending.length === 0) return report;
  const fetched = await repo.run([
    "fetch",
    "--quiet",
    "--no-tags",
    "--prune",
    "origin",
    "+refs/heads/*:refs/remotes/origin/*",
  ]);
  if (fetched.code !== 0 || fetched.timedOut) throw remoteFailure(fetched, repo.url);
  const landed = await requestCommits(repo, ["--remotes=origin"]);
  for (const entry of pending) {
    const sha = landed.get(entry.requestId);
    const outcome: AuditOutcome =
      sha !== undefined
        ? { status: "succeeded", commitSha: sha }
        : { status: "failed", error: interruptedMessage };
    try {
      await audit.finish(entry.requestId, outcome);
    } catch (error) {
      // Another replica settled it first: a row is settled once, by whoever gets there.
      if (error instanceof ConflictError) continue;
      throw error;
    }
    (sha !== undefined ? report.succeeded : report.failed).push(entry.requestId);
  }
  return report;
}
