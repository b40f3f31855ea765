import { z } from "zod";
import { optionalText } from "@/lib/settings/optional-text";
import { formatPrincipal, parsePrincipal, type Principal } from "@/lib/settings/principals";

/**
 * The sign-in and access settings. Pure, like the rest of `env-schema.ts`, which merges this
 * shape into the one settings schema and calls `authSettingsFrom` after parsing.
 */

const principalList = z
  .string()
  .optional()
  .transform((value, context) => {
    const principals: Principal[] = [];
    for (const entry of (value ?? "").split(",").map((part) => part.trim())) {
      if (entry === "") continue;
      const principal = parsePrincipal(entry);
      if (principal) principals.push(principal);
      else
        context.addIssue({
          code: "custom",
          message: `has "${entry}", which is not a GitHub login, organisation or org/team-slug`,
        });
    }
    return principals;
  });

const httpUrl = z
  .string()
  .trim()
  .url("must be a URL")
  .refine((value) => /^https?:\/\//.test(value), "must start with http:// or https://");

export const authSettingsShape = {
  GITHUB_CLIENT_ID: optionalText,
  GITHUB_CLIENT_SECRET: optionalText,
  GITHUB_URL: httpUrl.default("https://github.com"),
  AUTH_SECRET: optionalText.pipe(
    z
      .string()
      .min(32, "must be at least 32 characters; make one with `openssl rand -base64 32`")
      .optional(),
  ),
  AUTH_URL: optionalText.pipe(
    httpUrl
      .refine((value) => new URL(value).pathname === "/", "must be an origin without a path")
      .optional(),
  ),
  FOUNDRY_ALLOWED: principalList,
  FOUNDRY_ADMINS: principalList,
  FOUNDRY_OPERATORS: principalList,
  FOUNDRY_VIEWERS: principalList,
  FOUNDRY_ACCESS_RECHECK_SECONDS: z.coerce
    .number({ error: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(1, "must be at least 1 second")
    .max(43200, "must be at most 43200 (12 hours)")
    .default(43200),
};

type RawAuthSettings = {
  GITHUB_CLIENT_ID?: string | undefined;
  GITHUB_CLIENT_SECRET?: string | undefined;
  GITHUB_URL: string;
  AUTH_SECRET?: string | undefined;
  AUTH_URL?: string | undefined;
  FOUNDRY_ALLOWED: Principal[];
  FOUNDRY_ADMINS: Principal[];
  FOUNDRY_OPERATORS: Principal[];
  FOUNDRY_VIEWERS: Principal[];
  FOUNDRY_ACCESS_RECHECK_SECONDS: number;
};

export type AuthSettings = {
  /** "local": no OAuth app; one "Local admin", only while listening on loopback. */
  mode: "github" | "local";
  github: { clientId: string; clientSecret: string } | undefined;
  githubUrl: string;
  /** Unset only in local mode, where a per-process secret is enough. */
  secret: string | undefined;
  /** The console's own origin, as people's browsers reach it. */
  url: string;
  secureCookies: boolean;
  allowed: Principal[];
  roles: { admin: Principal[]; operator: Principal[]; viewer: Principal[] };
  recheckSeconds: number;
};

const loopbackHosts = new Set(["127.0.0.1", "::1", "localhost"]);

export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname.toLowerCase());
}

function defaultUrl(hostname: string, port: number): string {
  return `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`;
}

/** Turns parsed fields into settings, or into the plain-words problems that stop the start. */
export function authSettingsFrom(
  raw: RawAuthSettings,
  listen: { hostname: string; port: number },
): { settings: AuthSettings } | { problems: string[] } {
  const problems: string[] = [];
  const { GITHUB_CLIENT_ID: clientId, GITHUB_CLIENT_SECRET: clientSecret } = raw;
  const loopback = isLoopbackHost(listen.hostname);
  if ((clientId === undefined) !== (clientSecret === undefined)) {
    problems.push(
      "GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET go together: set both (GitHub sign-in) or neither (local mode)",
    );
  }
  const github = clientId && clientSecret ? { clientId, clientSecret } : undefined;
  const lists = [
    raw.FOUNDRY_ALLOWED,
    raw.FOUNDRY_ADMINS,
    raw.FOUNDRY_OPERATORS,
    raw.FOUNDRY_VIEWERS,
  ];
  if (github) {
    if (raw.AUTH_SECRET === undefined) {
      problems.push(
        "AUTH_SECRET is required with GitHub sign-in: make one with `openssl rand -base64 32`",
      );
    }
    if (raw.AUTH_URL === undefined && !loopback) {
      problems.push(
        `AUTH_URL is required when the console listens on ${listen.hostname}: the address people open, e.g. https://foundry.example.com`,
      );
    }
    if (lists.every((list) => list.length === 0)) {
      problems.push(
        "FOUNDRY_ALLOWED, FOUNDRY_ADMINS, FOUNDRY_OPERATORS and FOUNDRY_VIEWERS are all empty: nobody could sign in with GitHub",
      );
    }
  } else if (clientId === undefined && clientSecret === undefined && !loopback) {
    problems.push(
      `HOSTNAME is ${listen.hostname}, but no GitHub OAuth app is configured: local mode (one "Local admin", no password) only listens on 127.0.0.1, ::1 or localhost. Set GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET, or listen on loopback`,
    );
  }
  if (problems.length > 0) return { problems };
  const url = (raw.AUTH_URL ?? defaultUrl(listen.hostname, listen.port)).replace(/\/+$/, "");
  return {
    settings: {
      mode: github ? "github" : "local",
      github,
      githubUrl: raw.GITHUB_URL.replace(/\/+$/, ""),
      secret: raw.AUTH_SECRET,
      url,
      secureCookies: url.startsWith("https://"),
      allowed: raw.FOUNDRY_ALLOWED,
      roles: {
        admin: raw.FOUNDRY_ADMINS,
        operator: raw.FOUNDRY_OPERATORS,
        viewer: raw.FOUNDRY_VIEWERS,
      },
      recheckSeconds: raw.FOUNDRY_ACCESS_RECHECK_SECONDS,
    },
  };
}

export function describePrincipals(list: Principal[]): string {
  return list.map(formatPrincipal).join(", ");
}
