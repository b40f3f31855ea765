import "server-only";
import type { AuthOptions } from "next-auth";
import { parseRole } from "@/lib/actor";
import { authSecret } from "@/lib/auth/auth-secret";
import { allowGithubSignIn, recordGithubSignIn } from "@/lib/auth/github-sign-in";
import { githubProvider } from "@/lib/auth/github-provider";
import { prismaAdapter } from "@/lib/auth/prisma-adapter";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import {
  sessionCookieName,
  sessionCookieOptions,
  sessionMaxAgeSeconds,
  sessionUpdateAgeSeconds,
} from "@/lib/auth/session-cookie";
import { authParts } from "@/lib/auth/auth-parts";
import { env } from "@/lib/settings/env";
import { singleton } from "@/lib/singleton";

/** next-auth v4's configuration, built once from the settings. */
export function authOptions(): AuthOptions {
  return singleton("auth:options", () => {
    const { auth, githubApiUrl } = env();
    // next-auth v4 reads its own names; ours are AUTH_URL / AUTH_SECRET.
    process.env.NEXTAUTH_URL = auth.url;
    process.env.NEXTAUTH_SECRET = authSecret();
    const secure = auth.secureCookies;
    return {
      adapter: prismaAdapter(authParts().db),
      secret: authSecret(),
      session: {
        strategy: "database",
        maxAge: sessionMaxAgeSeconds,
        updateAge: sessionUpdateAgeSeconds,
      },
      useSecureCookies: secure,
      cookies: {
        sessionToken: { name: sessionCookieName(secure), options: sessionCookieOptions(secure) },
      },
      providers: auth.github
        ? [githubProvider({ ...auth.github, githubUrl: auth.githubUrl, apiUrl: githubApiUrl })]
        : [],
      pages: { signIn: "/sign-in", error: "/sign-in" },
      callbacks: {
        signIn: ({ account }) => allowGithubSignIn(account),
        redirect: ({ url, baseUrl }) =>
          `${baseUrl}${safeCallbackUrl(url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url)}`,
        session: ({ session, user }) => ({
          ...session,
          user: {
            id: user.id,
            login: user.login ?? "",
            name: user.name ?? "",
            role: parseRole(user.role) ?? "viewer",
          },
        }),
      },
      events: {
        signIn: ({ user, account, isNewUser }) => recordGithubSignIn(user, account, isNewUser),
      },
    } satisfies AuthOptions;
  });
}
