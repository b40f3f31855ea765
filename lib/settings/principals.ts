/**
 * Who a setting names: a GitHub login or organisation (one namespace on GitHub, so a bare name is
 * never both), or a team as `org/team-slug`. Compared lower-case, as GitHub does.
 */
export type Principal =
  { kind: "name"; name: string } | { kind: "team"; org: string; team: string };

const githubName = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,38}$/;
const teamSlug = /^[a-z0-9][a-z0-9_-]{0,99}$/;

export function parsePrincipal(entry: string): Principal | undefined {
  const value = entry.trim().toLowerCase();
  const parts = value.split("/");
  if (parts.length === 1 && githubName.test(value)) return { kind: "name", name: value };
  const [org, team] = parts;
  if (parts.length === 2 && org && team && githubName.test(org) && teamSlug.test(team)) {
    return { kind: "team", org, team };
  }
  return undefined;
}

export function formatPrincipal(principal: Principal): string {
  return principal.kind === "name" ? principal.name : `${principal.org}/${principal.team}`;
}

/** What GitHub told us about a person, lower-cased: their login, orgs, and `org/team` slugs. */
export type Membership = { login: string; orgs: string[]; teams: string[] };

export function matchesPrincipal(membership: Membership, principal: Principal): boolean {
  if (principal.kind === "team") return membership.teams.includes(formatPrincipal(principal));
  return membership.login === principal.name || membership.orgs.includes(principal.name);
}

/** The distinct teams named anywhere in these lists: the only memberships worth asking about. */
export function teamsNamed(lists: Principal[][]): { org: string; team: string }[] {
  const seen = new Map<string, { org: string; team: string }>();
  for (const principal of lists.flat()) {
    if (principal.kind === "team") seen.set(formatPrincipal(principal), principal);
  }
  return [...seen.values()];
}
