import { tmpdir } from "node:os";
import { z } from "zod";
import { remoteFailure, remoteLabel } from "./remote-failure";
import type { RepoHandle } from "./repo-handle";
import type { RemoteStatus } from "./types";

const lsRemoteLine = z.string().regex(/^[0-9a-f]{40,64}\t\S+$/);

/** Asks the remote for the branch's HEAD, for the readiness endpoint. Never throws. */
export async function checkRemote(repo: RepoHandle, timeoutMs = 5_000): Promise<RemoteStatus> {
  const ref = `refs/heads/${repo.branch}`;
  const result = await repo.run(["ls-remote", "--", repo.url, ref], { cwd: tmpdir(), timeoutMs });
  if (result.code !== 0 || result.timedOut) {
    return { ok: false, reason: remoteFailure(result, repo.url).message };
  }
  const line = result.stdout.split("\n").find((entry) => entry.endsWith(`\t${ref}`));
  const parsed = lsRemoteLine.safeParse(line);
  if (!parsed.success) {
    return {
      ok: false,
      reason: `the Git remote at ${remoteLabel(repo.url)} has no branch "${repo.branch}"`,
    };
  }
  return { ok: true, head: parsed.data.slice(0, parsed.data.indexOf("\t")) };
}
