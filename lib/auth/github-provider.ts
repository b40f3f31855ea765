import "server-only";
import type { Profile } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { githubApi } from "@/lib/auth/github-api";

export const githubScope = "read:user user:email read:org";

/**
 * GitHub (or GitHub Enterprise, or the test double) as an OAuth provider, with every endpoint
 * taken from the settings. The profile is parsed with zod before next-auth sees it.
 */
export function githubProvider(options: {
  clientId: string;
  clientSecret: string;
  githubUrl: string;
  apiUrl: string;
}): OAuthConfig<Profile> {
  const { clientId, clientSecret, githubUrl, apiUrl } = options;
  return {
    id: "github",
    name: "GitHub",
    type: "oauth",
    clientId,
    clientSecret,
    checks: ["state"],
    authorization: { url: `${githubUrl}/login/oauth/authorize`, params: { scope: githubScope } },
    token: `${githubUrl}/login/oauth/access_token`,
    userinfo: {
      url: `${apiUrl}/user`,
      async request({ tokens }) {
        if (!tokens.access_token) throw new Error("GitHub sent no access token");
        const api = githubApi(apiUrl, tokens.access_token);
        const user = await api.user();
        const email = user.email ?? (await api.primaryEmail());
        return {
          sub: String(user.id),
          login: user.login.toLowerCase(),
          name: user.name || user.login,
          ...(email ? { email } : {}),
          ...(user.avatar_url ? { image: user.avatar_url } : {}),
        };
      },
    },
    profile(profile) {
      if (!profile.sub || !profile.login)
        throw new Error("GitHub sent a profile without id or login");
      return {
        id: profile.sub,
        login: profile.login,
        name: profile.name ?? profile.login,
        email: profile.email ?? null,
        image: profile.image ?? null,
      };
    },
  };
}
