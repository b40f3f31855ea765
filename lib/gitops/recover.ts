import type { AuditJournal } from "@/lib/audit/types";
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
  skip: (requestId: string, startedAt: Date) => boolean,
): Promise<RecoveryReport> {
  const pending = (await audit.pending()).filter(
    (entry) => !skip(entry.requestId, entry.startedAt),
  );
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
    if (sha !== undefined) {
      await audit.finish(entry.requestId, { status: "succeeded", commitSha: sha });
      report.succeeded.push(entry.requestId);
    } else {
      await audit.finish(entry.requestId, { status: "failed", error: interruptedMessage });
      report.failed.push(entry.requestId);
    }
  }
  return report;
}
