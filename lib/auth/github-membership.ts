import "server-only";
import type { AuthSettings } from "@/lib/settings/auth";
import type { GithubApi } from "@/lib/auth/github-api";
import { teamsNamed, type Membership } from "@/lib/settings/principals";

/** The person's login, orgs and the memberships of only those teams the settings name. */
export async function githubMembership(
  api: GithubApi,
  login: string,
  settings: Pick<AuthSettings, "allowed" | "roles">,
): Promise<Membership> {
  const lists = [
    settings.allowed,
    settings.roles.admin,
    settings.roles.operator,
    settings.roles.viewer,
  ];
  const [orgs, teams] = await Promise.all([
    api.orgs(),
    Promise.all(
      teamsNamed(lists).map(async ({ org, team }) =>
        (await api.isActiveTeamMember(org, team, login)) ? `${org}/${team}` : undefined,
      ),
    ),
  ]);
  return {
    login: login.toLowerCase(),
    orgs,
    teams: teams.filter((team): team is string => team !== undefined),
  };
}
