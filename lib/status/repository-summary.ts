import "server-only";
import { env } from "@/lib/settings/env";
import { commitUrl } from "@/lib/gitops/commit-url";
import { remoteLabel } from "@/lib/gitops/remote-failure";
import { gitWriter } from "@/lib/gitops/writer";

export type RepositorySummary = {
  remote: string;
  embedded: boolean;
  branch: string;
  mode: "push" | "pull-request";
  manifestsPath: string;
  head:
    | { ok: true; sha: string; href: string | undefined; files: number }
    | { ok: false; reason: string };
};

/** What the overview shows of the GitOps repository, read from the console's clone. */
export async function repositorySummary(): Promise<RepositorySummary> {
  const { git } = env();
  const base = {
    remote: git.embedded ? "embedded repository" : remoteLabel(git.url),
    embedded: git.embedded,
    branch: git.branch,
    mode: git.mode,
    manifestsPath: git.manifestsPath,
  };
  try {
    const tree = await gitWriter().readTree();
    return {
      ...base,
      head: {
        ok: true,
        sha: tree.sha,
        href: commitUrl(git.url, tree.sha),
        files: tree.files.length,
      },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : "the clone could not be read";
    return { ...base, head: { ok: false, reason } };
  }
}
