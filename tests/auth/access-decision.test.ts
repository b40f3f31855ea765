import { describe, expect, it } from "vitest";
import { decideAccess } from "@/lib/auth/access-decision";
import { parsePrincipal, type Principal } from "@/lib/settings/principals";

function list(...entries: string[]): Principal[] {
  return entries.map((entry) => {
    const principal = parsePrincipal(entry);
    if (!principal) throw new Error(`bad entry ${entry}`);
    return principal;
  });
}

const settings = {
  allowed: list("octocat", "acme/platform"),
  roles: { admin: list("hubot"), operator: list("acme/sre", "ops-org"), viewer: list("auditor") },
};

describe("decideAccess", () => {
  it.each([
    [
      { login: "octocat", orgs: [], teams: [] },
      { allowed: true, role: "viewer" },
    ],
    [
      { login: "mona", orgs: ["acme"], teams: ["acme/platform"] },
      { allowed: true, role: "viewer" },
    ],
    [
      { login: "hubot", orgs: [], teams: [] },
      { allowed: true, role: "admin" },
    ],
    [
      { login: "mona", orgs: ["acme"], teams: ["acme/sre"] },
      { allowed: true, role: "operator" },
    ],
    [
      { login: "mona", orgs: ["ops-org"], teams: [] },
      { allowed: true, role: "operator" },
    ],
    [
      { login: "auditor", orgs: [], teams: [] },
      { allowed: true, role: "viewer" },
    ],
    [
      { login: "hubot", orgs: ["ops-org"], teams: ["acme/sre"] },
      { allowed: true, role: "admin" },
    ],
    [
      { login: "mona", orgs: ["acme"], teams: [] },
      { allowed: false, reason: "not-on-list" },
    ],
    [
      { login: "mona", orgs: [], teams: ["other/platform"] },
      { allowed: false, reason: "not-on-list" },
    ],
    [
      { login: "octocat-2", orgs: [], teams: [] },
      { allowed: false, reason: "not-on-list" },
    ],
  ])("%o → %o", (membership, expected) => {
    expect(decideAccess(membership, settings)).toEqual(expected);
  });

  it("lets a whole organisation in when it is listed", () => {
    const org = { allowed: list("acme"), roles: { admin: [], operator: [], viewer: [] } };
    expect(decideAccess({ login: "anyone", orgs: ["acme"], teams: [] }, org)).toEqual({
      allowed: true,
      role: "viewer",
    });
  });
});

describe("parsePrincipal", () => {
  it.each([
    ["Octocat", { kind: "name", name: "octocat" }],
    ["acme/Platform_Team", { kind: "team", org: "acme", team: "platform_team" }],
    ["a-b", { kind: "name", name: "a-b" }],
    ["a--b", undefined],
    ["-a", undefined],
    ["a/b/c", undefined],
    ["/team", undefined],
    ["org/", undefined],
    ["acme/../x", undefined],
    ["x".repeat(40), undefined],
  ])("%s", (entry, expected) => {
    expect(parsePrincipal(entry)).toEqual(expected);
  });
});
