import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/settings/env-schema";

const cwd = "/srv/foundry";

describe("parseEnv", () => {
  it("runs on embedded defaults with nothing set", () => {
    const env = parseEnv({}, cwd);
    expect(env.port).toBe(3000);
    expect(env.dataDir).toBe(path.join(cwd, "data"));
    expect(env.databaseUrl).toBe(`file:${path.join(cwd, "data", "foundry.db")}`);
    expect(env.database).toBe("sqlite");
    expect(env.git).toMatchObject({
      url: path.join(cwd, "data", "gitops.git"),
      embedded: true,
      branch: "main",
      token: undefined,
      mode: "push",
      manifestsPath: "manifests",
    });
  });

  it("reads a remote repository, PostgreSQL and pull-request mode", () => {
    const env = parseEnv(
      {
        PORT: "8080",
        FOUNDRY_DATA_DIR: "/var/lib/foundry",
        DATABASE_URL: "postgresql://foundry@db:5432/foundry",
        FOUNDRY_GIT_URL: "https://github.com/acme/fleet.git",
        FOUNDRY_GIT_BRANCH: "production",
        FOUNDRY_GIT_TOKEN: "t0ken",
        FOUNDRY_GIT_MODE: "pull-request",
        FOUNDRY_MANIFESTS_PATH: "clusters/home/",
      },
      cwd,
    );
    expect(env.port).toBe(8080);
    expect(env.dataDir).toBe("/var/lib/foundry");
    expect(env.database).toBe("postgresql");
    expect(env.git).toMatchObject({
      url: "https://github.com/acme/fleet.git",
      embedded: false,
      branch: "production",
      token: "t0ken",
      mode: "pull-request",
      manifestsPath: "clusters/home",
    });
  });

  it("treats empty values as unset", () => {
    const env = parseEnv({ FOUNDRY_GIT_URL: "", FOUNDRY_GIT_TOKEN: "  ", DATABASE_URL: "" }, cwd);
    expect(env.git.embedded).toBe(true);
    expect(env.git.token).toBeUndefined();
    expect(env.database).toBe("sqlite");
  });

  it.each([
    [{ PORT: "eighty" }, "PORT must be a number"],
    [{ PORT: "70000" }, "PORT must be between 1 and 65535"],
    [{ FOUNDRY_GIT_MODE: "merge" }, "FOUNDRY_GIT_MODE must be 'push' or 'pull-request'"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL must start with file:"],
    [{ FOUNDRY_GIT_URL: "git@github.com:acme/fleet.git" }, "FOUNDRY_GIT_URL must be an http(s)://"],
    [
      { FOUNDRY_GIT_URL: "https://user:secret@github.com/acme/fleet.git" },
      "FOUNDRY_GIT_URL must not contain credentials",
    ],
    [{ FOUNDRY_GIT_BRANCH: "main;rm -rf /" }, "FOUNDRY_GIT_BRANCH must be a plain branch name"],
    [{ FOUNDRY_GIT_BRANCH: "-delete" }, "FOUNDRY_GIT_BRANCH must be a plain branch name"],
    [{ FOUNDRY_MANIFESTS_PATH: "../outside" }, "FOUNDRY_MANIFESTS_PATH must be a path inside"],
    [{ FOUNDRY_MANIFESTS_PATH: "/etc" }, "FOUNDRY_MANIFESTS_PATH must be a path inside"],
  ])("refuses %o in plain words", (source, expected) => {
    expect(() => parseEnv(source, cwd)).toThrow(EnvError);
    expect(() => parseEnv(source, cwd)).toThrow(expected);
  });

  it("lists every problem at once and points at the README", () => {
    try {
      parseEnv({ PORT: "0", FOUNDRY_GIT_MODE: "x" }, cwd);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = String(error instanceof Error ? error.message : error);
      expect(message).toContain("PORT");
      expect(message).toContain("FOUNDRY_GIT_MODE");
      expect(message).toContain("README.md");
    }
  });

  it("gives joining servers the control plane's K3s address, CA and release", () => {
    const env = parseEnv(
      {
        FOUNDRY_K3S_URL: "https://control-plane.tail1234.ts.net:6443/",
        FOUNDRY_K3S_CA_HASH: "a".repeat(64),
        FOUNDRY_K3S_VERSION: "v1.33.5+k3s1",
      },
      cwd,
    );
    expect(env.enrollment.k3s).toEqual({
      url: "https://control-plane.tail1234.ts.net:6443",
      caHash: "a".repeat(64),
      tokenTtlMinutes: 60,
      version: "v1.33.5+k3s1",
    });
  });

  it("refuses a K3s address without the release agents must install", () => {
    expect(() => parseEnv({ FOUNDRY_K3S_URL: "https://cp.example.ts.net:6443" }, cwd)).toThrow(
      /FOUNDRY_K3S_VERSION must be set with FOUNDRY_K3S_URL/,
    );
    expect(() =>
      parseEnv(
        { FOUNDRY_K3S_URL: "https://cp.example.ts.net:6443", FOUNDRY_K3S_VERSION: "latest" },
        cwd,
      ),
    ).toThrow(/FOUNDRY_K3S_VERSION.*v1\.33\.5\+k3s1/);
  });

  it("believes no proxy's X-Forwarded-For unless told which", () => {
    expect(parseEnv({}, cwd).trustedProxies).toEqual([]);
    expect(
      parseEnv({ FOUNDRY_TRUSTED_PROXIES: "10.42.0.0/16, 127.0.0.1/32" }, cwd).trustedProxies,
    ).toEqual(["10.42.0.0/16", "127.0.0.1/32"]);
    expect(() => parseEnv({ FOUNDRY_TRUSTED_PROXIES: "everyone" }, cwd)).toThrow(
      /FOUNDRY_TRUSTED_PROXIES/,
    );
  });
});
