import "server-only";
import { env } from "@/lib/settings/env";
import { commitUrl } from "@/lib/gitops/commit-url";

/** A browser link to a commit of the GitOps repository, for the tables of actions. */
export function repositoryCommitHref(sha: string): string | undefined {
  return commitUrl(env().git.url, sha);
}
