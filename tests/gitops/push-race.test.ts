import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HookVerdict } from "@/e2e/doubles/git-http-server";
import { ConflictError, UnavailableError } from "@/lib/errors";
import type { GitTree } from "@/lib/gitops/types";
import { ada, createGitWorld, type GitWorld } from "./git-world";

let world: GitWorld;
beforeEach(async () => {
  world = await createGitWorld();
});
afterEach(async () => {
  await world.close();
});

const createFile = (name: string) => async (tree: GitTree) => {
  if (await tree.exists(`servers/${name}.yaml`))
    throw new ConflictError(
      `servers/${name}.yaml already exists: another change registered ${name} first`,
    );
  await tree.write(`servers/${name}.yaml`, `name: ${name}\n`);
};

async function requestCounts(world: GitWorld): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const commit of await world.remoteLog()) {
    for (const id of commit.requestIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe("push races", () => {
  it("re-runs the change on the new HEAD when another writer and a person pushed first", async () => {
    const [a, b] = [world.writer(), world.writer()];
    let runs = 0;
    const result = await a.applyChange({
      actor: ada,
      action: "register-server",
      summary: "servers: register a",
      requestId: "req-a",
      change: async (tree) => {
        runs += 1;
        if (runs === 1) {
          await b.applyChange({
            actor: ada,
            action: "register-server",
            summary: "servers: register b",
            requestId: "req-b",
            change: createFile("b"),
          });
          await world.pushByHand("manifests/servers/by-hand.yaml", "name: by-hand\n");
        }
        await createFile("a")(tree);
      },
    });
    expect(runs).toBe(2);
    const log = await world.remoteLog();
    expect(log[0]?.sha).toBe(result.sha);
    expect(log.map((commit) => commit.message.split("\n")[0])).toEqual([
      "servers: register a",
      "by hand: manifests/servers/by-hand.yaml",
      "servers: register b",
      "seed: first commit",
    ]);
    for (const name of ["a", "b", "by-hand"]) {
      expect(await world.remoteFile(`manifests/servers/${name}.yaml`)).toBe(`name: ${name}\n`);
    }
  });

  it("lands every write exactly once when two writers push at the same time", async () => {
    const writers = [world.writer({ pushAttempts: 20 }), world.writer({ pushAttempts: 20 })];
    const calls = Array.from({ length: 10 }, (_, index) =>
      writers[index % 2]?.applyChange({
        actor: ada,
        action: "register-server",
        summary: `servers: register n${index}`,
        requestId: `req-${index}`,
        change: createFile(`n${index}`),
      }),
    );
    const results = await Promise.all(calls);
    const counts = await requestCounts(world);
    expect(counts.size).toBe(10);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(new Set(results.map((result) => result?.sha)).size).toBe(10);
    expect(world.audit.entries.every((entry) => entry.outcome?.status === "succeeded")).toBe(true);
  });

  it("fails with the change's own Conflict when it no longer fits the new HEAD", async () => {
    const [a, b] = [world.writer(), world.writer()];
    let runs = 0;
    const attempt = a.applyChange({
      actor: ada,
      action: "register-server",
      summary: "servers: register twin",
      requestId: "req-late",
      change: async (tree) => {
        runs += 1;
        if (runs === 1) {
          await b.applyChange({
            actor: ada,
            action: "register-server",
            summary: "servers: register twin",
            requestId: "req-first",
            change: createFile("twin"),
          });
        }
        await createFile("twin")(tree);
      },
    });
    await expect(attempt).rejects.toThrow(
      new ConflictError("servers/twin.yaml already exists: another change registered twin first"),
    );
    expect(world.audit.get("req-late")?.outcome).toEqual({
      status: "refused",
      error: "servers/twin.yaml already exists: another change registered twin first",
    });
    expect(await requestCounts(world)).toEqual(new Map([["req-first", 1]]));
    // Changes live in memory until their commit is made from objects: nothing was written.
    expect(await readdir(path.join(world.dir, "clone-1"))).toEqual([".git"]);
  });

  it("gives up with Unavailable after pushAttempts lost races, committing nothing", async () => {
    const writer = world.writer({ pushAttempts: 1 });
    const attempt = writer.applyChange({
      actor: ada,
      action: "register-server",
      summary: "servers: register c",
      requestId: "req-c",
      change: async (tree) => {
        await world.pushByHand(`manifests/hand-${Math.random()}.yaml`, "x: 1\n");
        await createFile("c")(tree);
      },
    });
    await expect(attempt).rejects.toThrow(UnavailableError);
    await expect(attempt).rejects.toThrow(
      /kept moving: 1 pushes in a row lost the race; nothing was committed/,
    );
    expect((await requestCounts(world)).has("req-c")).toBe(false);
    expect(world.audit.get("req-c")?.outcome?.status).toBe("failed");
  });

  it.each<[string, HookVerdict, number]>([
    ["the remote took it", { kind: "drop-response" }, 1],
    ["the remote never saw it", { kind: "reject", status: 502, message: "bad gateway" }, 2],
  ])(
    "checks the remote before retrying a push whose answer was lost (%s)",
    async (_, verdict, runsExpected) => {
      let dropped = false;
      world.server.setHook((request) => {
        if (!dropped && request.method === "POST" && request.service === "git-receive-pack") {
          dropped = true;
          return verdict;
        }
        return { kind: "pass" };
      });
      let runs = 0;
      const result = await world.writer().applyChange({
        actor: ada,
        action: "register-server",
        summary: "servers: register d",
        requestId: "req-d",
        change: async (tree) => {
          runs += 1;
          await createFile("d")(tree);
        },
      });
      expect(dropped).toBe(true);
      expect(runs).toBe(runsExpected);
      expect(await requestCounts(world)).toEqual(new Map([["req-d", 1]]));
      expect((await world.remoteLog())[0]?.sha).toBe(result.sha);
      expect(world.audit.get("req-d")?.outcome).toEqual({
        status: "succeeded",
        commitSha: result.sha,
      });
    },
  );
});

describe("a lost answer on the last push attempt", () => {
  const dropFirstPush = (after: HookVerdict) => {
    let dropped = false;
    world.server.setHook((request) => {
      if (dropped) return after;
      if (request.method === "POST" && request.service === "git-receive-pack") {
        dropped = true;
        return { kind: "drop-response" };
      }
      return { kind: "pass" };
    });
  };
  const register = (requestId: string) => ({
    actor: ada,
    action: "register-server",
    summary: `servers: register ${requestId}`,
    requestId,
    change: createFile(requestId),
  });

  it("finds the commit by its trailer instead of saying nothing was committed", async () => {
    dropFirstPush({ kind: "pass" });
    const result = await world.writer({ pushAttempts: 1 }).applyChange(register("req-e"));
    expect(result).toMatchObject({ requestId: "req-e", committed: true });
    expect((await world.remoteLog())[0]?.sha).toBe(result.sha);
    expect(await requestCounts(world)).toEqual(new Map([["req-e", 1]]));
    expect(world.audit.get("req-e")?.outcome).toEqual({
      status: "succeeded",
      commitSha: result.sha,
    });
  });

  it("says the outcome is unknown and leaves the audit pending when it cannot check", async () => {
    dropFirstPush({ kind: "drop-request" });
    const writer = world.writer({ pushAttempts: 1 });
    const error = await writer.applyChange(register("req-f")).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as Error).message).toContain(
      'whether the push landed is unknown and cannot be checked now: look for "Foundry-Request: ' +
        'req-f" on "main"',
    );
    expect((error as Error).message).not.toMatch(/nothing was committed/);
    expect(world.audit.get("req-f")?.outcome).toBeUndefined();

    world.server.setHook(undefined);
    const [landed] = await world.remoteLog();
    expect(landed?.requestIds).toEqual(["req-f"]);
    expect(await writer.recoverInterruptedWrites()).toEqual({ succeeded: ["req-f"], failed: [] });
    expect(world.audit.get("req-f")?.outcome).toEqual({
      status: "succeeded",
      commitSha: landed?.sha,
    });
  });

  it("says nothing was committed only after checking that the remote does not have it", async () => {
    let refused = false;
    world.server.setHook((request) => {
      if (!refused && request.method === "POST" && request.service === "git-receive-pack") {
        refused = true;
        return { kind: "reject", status: 502, message: "bad gateway" };
      }
      return { kind: "pass" };
    });
    const attempt = world.writer({ pushAttempts: 1 }).applyChange(register("req-g"));
    await expect(attempt).rejects.toThrow(
      /the remote does not have the commit: nothing was committed/,
    );
    expect(refused).toBe(true);
    expect((await requestCounts(world)).has("req-g")).toBe(false);
    expect(world.audit.get("req-g")?.outcome?.status).toBe("failed");
  });
});
