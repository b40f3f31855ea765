import { UnavailableError } from "@/lib/errors";
import { outcomeUnknown, remoteFailure } from "./remote-failure";
import type { RepoHandle } from "./repo-handle";

export type PushOutcome =
  | { kind: "pushed" }
  /** The branch moved on the remote since we fetched: fetch, re-run, try again. */
  | { kind: "behind" }
  /** The connection broke after the request was sent: the remote may or may not have it. */
  | { kind: "unknown"; error: UnavailableError }
  | { kind: "failed"; error: UnavailableError };

/** Pushes commit `sha` to `ref` and says what happened, in terms the retry loop can act on. */
export async function pushCommit(repo: RepoHandle, sha: string, ref: string): Promise<PushOutcome> {
  const result = await repo.run(["push", "--porcelain", "origin", `${sha}:${ref}`]);
  if (result.code === 0 && !result.timedOut) return { kind: "pushed" };
  if (/^!\t[^\t]*\t\[rejected\]/m.test(result.stdout)) return { kind: "behind" };
  // Another push moved the ref between our advertisement and our update (or curl re-sent ours).
  if (
    /\[remote rejected\] \((failed to update ref|failed to lock)\)|cannot lock ref/.test(
      result.stdout + result.stderr,
    )
  ) {
    return { kind: "behind" };
  }
  const refused = /^!\t[^\t]*\t\[remote rejected\] \((.*)\)$/m.exec(result.stdout);
  if (refused) {
    const reason = refused[1] ?? "no reason given";
    return {
      kind: "failed",
      error: new UnavailableError(`the Git remote refused the push: ${reason}`),
    };
  }
  const error = remoteFailure(result, repo.url);
  return outcomeUnknown(result) ? { kind: "unknown", error } : { kind: "failed", error };
}
