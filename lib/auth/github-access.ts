import "server-only";
import { decideAccess, type AccessDecision } from "@/lib/auth/access-decision";
import { githubApi, type GithubUser } from "@/lib/auth/github-api";
import { githubMembership } from "@/lib/auth/github-membership";
import { env } from "@/lib/settings/env";

/** Asks GitHub, with the person's own token, who they are and whether the lists let them in. */
export async function githubAccess(
  token: string,
): Promise<{ user: GithubUser; decision: AccessDecision }> {
  const { auth, githubApiUrl } = env();
  const api = githubApi(githubApiUrl, token);
  const user = await api.user();
  const membership = await githubMembership(api, user.login, auth);
  return { user, decision: decideAccess(membership, auth) };
}
