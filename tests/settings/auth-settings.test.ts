import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/settings/env-schema";

const cwd = "/srv/foundry";
const secret = "s".repeat(32);
const github = { GITHUB_CLIENT_ID: "Iv1.abc", GITHUB_CLIENT_SECRET: "shh", AUTH_SECRET: secret };

describe("sign-in settings", () => {
  it("runs in local mode on loopback with nothing set", () => {
    const { auth } = parseEnv({}, cwd);
    expect(auth).toMatchObject({
      mode: "local",
      github: undefined,
      githubUrl: "https://github.com",
      url: "http://127.0.0.1:3000",
      secureCookies: false,
      recheckSeconds: 43200,
    });
  });

  it.each(["127.0.0.1", "::1", "localhost"])("allows local mode on %s", (HOSTNAME) => {
    expect(parseEnv({ HOSTNAME, PORT: "3107" }, cwd).auth.mode).toBe("local");
  });

  it("brackets an IPv6 loopback in the default URL", () => {
    expect(parseEnv({ HOSTNAME: "::1" }, cwd).auth.url).toBe("http://[::1]:3000");
  });

  it("reads GitHub sign-in, Enterprise endpoints, lists and the recheck period", () => {
    const { auth, githubApiUrl } = parseEnv(
      {
        ...github,
        HOSTNAME: "0.0.0.0",
        AUTH_URL: "https://foundry.example.com/",
        GITHUB_URL: "https://ghe.example.com/",
        GITHUB_API_URL: "https://ghe.example.com/api/v3",
        FOUNDRY_ALLOWED: "Octocat, acme , acme/Platform-Team",
        FOUNDRY_ADMINS: "hubot",
        FOUNDRY_OPERATORS: "acme/sre",
        FOUNDRY_ACCESS_RECHECK_SECONDS: "60",
      },
      cwd,
    );
    expect(githubApiUrl).toBe("https://ghe.example.com/api/v3");
    expect(auth).toMatchObject({
      mode: "github",
      github: { clientId: "Iv1.abc", clientSecret: "shh" },
      githubUrl: "https://ghe.example.com",
      url: "https://foundry.example.com",
      secureCookies: true,
      recheckSeconds: 60,
    });
    expect(auth.allowed).toEqual([
      { kind: "name", name: "octocat" },
      { kind: "name", name: "acme" },
      { kind: "team", org: "acme", team: "platform-team" },
    ]);
    expect(auth.roles).toEqual({
      admin: [{ kind: "name", name: "hubot" }],
      operator: [{ kind: "team", org: "acme", team: "sre" }],
      viewer: [],
    });
  });

  it.each([
    [{ HOSTNAME: "0.0.0.0" }, "HOSTNAME is 0.0.0.0, but no GitHub OAuth app is configured"],
    [{ GITHUB_CLIENT_ID: "x" }, "GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET go together"],
    [
      { ...github, AUTH_SECRET: "", FOUNDRY_ALLOWED: "a" },
      "AUTH_SECRET is required with GitHub sign-in",
    ],
    [{ ...github, AUTH_SECRET: "short" }, "AUTH_SECRET must be at least 32 characters"],
    [
      { ...github, HOSTNAME: "0.0.0.0", FOUNDRY_ALLOWED: "a" },
      "AUTH_URL is required when the console listens on 0.0.0.0",
    ],
    [{ ...github }, "nobody could sign in with GitHub"],
    [
      { AUTH_URL: "https://foundry.example.com/console" },
      "AUTH_URL must be an origin without a path",
    ],
    [{ AUTH_URL: "ftp://foundry" }, "AUTH_URL must start with http:// or https://"],
    [
      { FOUNDRY_ADMINS: "acme/sre/x" },
      'FOUNDRY_ADMINS has "acme/sre/x", which is not a GitHub login',
    ],
    [{ FOUNDRY_ALLOWED: "-bad" }, 'FOUNDRY_ALLOWED has "-bad"'],
    [{ FOUNDRY_ACCESS_RECHECK_SECONDS: "86400" }, "must be at most 43200 (12 hours)"],
    [{ FOUNDRY_ACCESS_RECHECK_SECONDS: "0" }, "must be at least 1 second"],
  ])("refuses %o in plain words", (source, expected) => {
    expect(() => parseEnv(source, cwd)).toThrow(EnvError);
    expect(() => parseEnv(source, cwd)).toThrow(expected);
  });
});
