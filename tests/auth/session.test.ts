import { beforeEach, describe, expect, it, vi } from "vitest";
import type { StoredIdentity, StoredSession } from "@/lib/auth/auth-store";
import type { RecheckOutcome } from "@/lib/auth/recheck-access";
import { parseEnv } from "@/lib/settings/env-schema";

const world = vi.hoisted(() => ({
  sessions: new Map<string, StoredSession>(),
  deleted: [] as string[],
  extended: [] as string[],
  rechecks: [] as string[],
  outcome: { kind: "kept", role: "viewer" } as RecheckOutcome,
  mode: "github" as "github" | "local",
}));

vi.mock("@/lib/auth/auth-store", () => ({
  findSession: async (token: string) => world.sessions.get(token),
  deleteSession: async (token: string) => void world.deleted.push(token),
  extendSession: async (token: string) => void world.extended.push(token),
}));
vi.mock("@/lib/auth/recheck-access", () => ({
  recheckAccess: async (identity: StoredIdentity) => {
    world.rechecks.push(identity.id);
    return world.outcome;
  },
}));
vi.mock("@/lib/settings/env", () => ({
  env: () =>
    parseEnv(
      world.mode === "github"
        ? {
            GITHUB_CLIENT_ID: "id",
            GITHUB_CLIENT_SECRET: "secret",
            AUTH_SECRET: "x".repeat(32),
            FOUNDRY_ALLOWED: "acme",
            FOUNDRY_ACCESS_RECHECK_SECONDS: "60",
          }
        : {},
    ),
}));

const { sessionActor } = await import("@/lib/auth/session");

const now = Date.parse("2026-11-21T12:00:00Z");
const day = 24 * 60 * 60 * 1000;

function store(token: string, user: Partial<StoredIdentity>, expiresInDays = 7): void {
  world.sessions.set(token, {
    sessionToken: token,
    expires: new Date(now + expiresInDays * day),
    user: {
      id: "u-mona",
      login: "mona",
      name: "Mona",
      email: "mona@example.com",
      role: "operator",
      provider: "github",
      githubToken: "gho_x",
      accessCheckedAt: null,
      ...user,
    },
  });
}

beforeEach(() => {
  world.sessions.clear();
  world.deleted = [];
  world.extended = [];
  world.rechecks = [];
  world.outcome = { kind: "kept", role: "operator" };
  world.mode = "github";
});

describe("sessionActor", () => {
  it("knows nobody for an unknown token", async () => {
    expect(await sessionActor("nope", now)).toEqual({ kind: "anonymous" });
  });

  it("ends an expired session", async () => {
    store("t", {}, -1);
    expect(await sessionActor("t", now)).toEqual({ kind: "anonymous" });
    expect(world.deleted).toEqual(["t"]);
  });

  it("ends a local admin's session once GitHub sign-in is configured, and the reverse", async () => {
    store("local", { provider: "local", login: "local-admin", role: "admin" });
    expect(await sessionActor("local", now)).toEqual({ kind: "anonymous" });
    world.mode = "local";
    store("gh", {});
    expect(await sessionActor("gh", now)).toEqual({ kind: "anonymous" });
    expect(world.deleted).toEqual(["local", "gh"]);
  });

  it("checks GitHub again when the last check is older than the period", async () => {
    store("t", { accessCheckedAt: new Date(now - 61_000) });
    world.outcome = { kind: "kept", role: "admin" };
    expect(await sessionActor("t", now)).toMatchObject({
      kind: "signed-in",
      actor: { login: "mona", role: "admin" },
    });
    expect(world.rechecks).toEqual(["u-mona"]);
  });

  it("does not ask GitHub while the last check is fresh", async () => {
    store("t", { accessCheckedAt: new Date(now - 59_000) });
    expect(await sessionActor("t", now)).toMatchObject({ actor: { role: "operator" } });
    expect(world.rechecks).toEqual([]);
  });

  it.each([
    [{ kind: "lost", reason: "not-on-list" } as const, "not-on-list"],
    [{ kind: "unavailable" } as const, "github-unavailable"],
  ])("refuses when the check says %o", async (outcome, reason) => {
    store("t", {});
    world.outcome = outcome;
    expect(await sessionActor("t", now)).toEqual({ kind: "access-lost", reason });
  });

  it("slides the session forward at most once a day", async () => {
    store("fresh", { accessCheckedAt: new Date(now) }, 7);
    store("day-old", { accessCheckedAt: new Date(now) }, 5.9);
    await sessionActor("fresh", now);
    await sessionActor("day-old", now);
    expect(world.extended).toEqual(["day-old"]);
  });

  it("refuses a stored role it does not know", async () => {
    store("t", { role: "root", accessCheckedAt: new Date(now) });
    expect(await sessionActor("t", now)).toEqual({ kind: "anonymous" });
  });
});
