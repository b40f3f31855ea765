import "server-only";
import { z } from "zod";
import { UnavailableError } from "@/lib/errors";

/** The few GitHub REST endpoints sign-in needs, read with the person's own token. */
export const githubUserSchema = z.object({
  id: z.number().int(),
  login: z.string().min(1),
  name: z.string().nullish(),
  email: z.string().nullish(),
  avatar_url: z.string().nullish(),
});
export type GithubUser = z.infer<typeof githubUserSchema>;

const emailsSchema = z.array(
  z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }),
);
const orgsSchema = z.array(z.object({ login: z.string().min(1) }));
const membershipSchema = z.object({ state: z.string() });

export type GithubApi = {
  user(): Promise<GithubUser>;
  primaryEmail(): Promise<string | undefined>;
  orgs(): Promise<string[]>;
  isActiveTeamMember(org: string, team: string, login: string): Promise<boolean>;
};

export class GithubTokenRevokedError extends Error {}

export function githubApi(apiUrl: string, token: string): GithubApi {
  async function get(path: string): Promise<Response> {
    const response = await fetch(`${apiUrl}${path}`, {
      headers: {
        Accept: "application/vnd.github+json",
        Authorization: `Bearer ${token}`,
        "X-GitHub-Api-Version": "2022-11-28",
        "User-Agent": "metal-foundry-console",
      },
      cache: "no-store",
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status === 401) throw new GithubTokenRevokedError("GitHub refused the token");
    return response;
  }
  async function json<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const response = await get(path);
    if (!response.ok) throw new UnavailableError(`GitHub answered ${response.status} for ${path}`);
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) throw new UnavailableError(`GitHub sent an unexpected shape for ${path}`);
    return parsed.data;
  }
  return {
    user: () => json("/user", githubUserSchema),
    async primaryEmail() {
      const response = await get("/user/emails");
      if (!response.ok) return undefined;
      const parsed = emailsSchema.safeParse(await response.json());
      if (!parsed.success) return undefined;
      return parsed.data.find((entry) => entry.primary && entry.verified)?.email;
    },
    async orgs() {
      const orgs = await json("/user/orgs?per_page=100", orgsSchema);
      return orgs.map((org) => org.login.toLowerCase());
    },
    async isActiveTeamMember(org, team, login) {
      const path = `/orgs/${encodeURIComponent(org)}/teams/${encodeURIComponent(team)}/memberships/${encodeURIComponent(login)}`;
      const response = await get(path);
      // 404 means "not a member" (or a team this token may not see): no access through it.
      if (response.status === 404 || response.status === 403) return false;
      if (!response.ok)
        throw new UnavailableError(`GitHub answered ${response.status} for ${path}`);
      const parsed = membershipSchema.safeParse(await response.json());
      return parsed.success && parsed.data.state === "active";
    },
  };
}
