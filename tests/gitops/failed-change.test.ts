import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mapLimited } from "@/lib/map-limited";
import { applyRecorded } from "@/lib/servers/change-set";
import { ada, createGitWorld, type GitWorld } from "./git-world";

let world: GitWorld;
beforeEach(async () => {
  world = await createGitWorld();
});
afterEach(async () => {
  await world.close();
});

// A change lives in memory until its commit is made from objects: the clone holds no file of
// the repository at all, half-written or not.
const cloneFiles = () => readdir(path.join(world.dir, "clone-1"));

describe("a change that fails part way", () => {
  it("leaves none of its writes for the next change, even those still running when it failed", async () => {
    const writer = world.writer();
    await writer.applyChange({
      actor: ada,
      action: "register-server",
      summary: "seed",
      change: (tree) => tree.write("servers/seed.yaml", "name: seed\n"),
    });
    // The first write is refused; sixteen run at once, so others are under way when it fails.
    const changes = [
      { path: "servers/.git/bad.yaml", before: undefined, after: "x\n" },
      ...Array.from({ length: 300 }, (_, i) => ({
        path: `servers/f${i}.yaml`,
        before: undefined,
        after: `name: f${i}\n`,
      })),
    ];
    await expect(
      writer.applyChange({
        actor: ada,
        action: "bulk-register-servers",
        summary: "half",
        change: (tree) => applyRecorded(tree, changes),
      }),
    ).rejects.toThrow(/\.git folder/);
    let seen: { listed: string[]; some: boolean[] } = { listed: [], some: [] };
    await writer.applyChange({
      actor: ada,
      action: "register-server",
      summary: "next",
      change: async (tree) => {
        seen = {
          listed: await tree.list("servers"),
          some: await Promise.all([0, 15, 16, 299].map((i) => tree.exists(`servers/f${i}.yaml`))),
        };
        await tree.write("servers/next.yaml", "name: next\n");
      },
    });
    expect(seen).toEqual({
      listed: ["servers/seed.yaml"],
      some: [false, false, false, false],
    });
    const files = await world.remoteGit(["ls-tree", "--name-only", "main", "manifests/servers/"]);
    expect(files.trim().split("\n")).toEqual([
      "manifests/servers/next.yaml",
      "manifests/servers/seed.yaml",
    ]);
    expect(await cloneFiles()).toEqual([".git"]);
  });

  it("a write the change did not wait for is refused once it has finished", async () => {
    const writer = world.writer();
    let late: Promise<void> | undefined;
    await writer.applyChange({
      actor: ada,
      action: "edit-server",
      summary: "servers: a",
      change: async (tree) => {
        await tree.write("servers/a.yaml", "a: 1\n");
        late = new Promise((resolve) => setTimeout(resolve, 0)).then(() =>
          tree.write("servers/late.yaml", "late\n"),
        );
        // Looked at below, once the write has been committed.
        late.catch(() => undefined);
      },
    });
    await expect(late).rejects.toThrow("after it had finished");
    await writer.applyChange({
      actor: ada,
      action: "edit-server",
      summary: "servers: b",
      change: (tree) => tree.write("servers/b.yaml", "b: 1\n"),
    });
    expect(await world.remoteFile("manifests/servers/late.yaml")).toBeUndefined();
    expect(await cloneFiles()).toEqual([".git"]);
  });
});

describe("a folder whose last file is deleted", () => {
  it("is gone from the clone, so a file can take its name", async () => {
    const writer = world.writer();
    await writer.applyChange({
      actor: ada,
      action: "edit-server",
      summary: "servers: old/a",
      change: (tree) => tree.write("servers/old/deep/a.yaml", "a: 1\n"),
    });
    await writer.applyChange({
      actor: ada,
      action: "decommission-server",
      summary: "servers: remove old/a",
      change: async (tree) => {
        expect(await tree.delete("servers/old/deep/a.yaml")).toBe(true);
      },
    });
    await writer.applyChange({
      actor: ada,
      action: "edit-server",
      summary: "servers: old as a file",
      change: (tree) => tree.write("servers/old", "now a file\n"),
    });
    expect(await world.remoteFile("manifests/servers/old")).toBe("now a file\n");
  });
});

describe("mapLimited", () => {
  it("starts nothing after the first failure, and rejects once the running calls settled", async () => {
    const started: number[] = [];
    const settled: number[] = [];
    const attempt = mapLimited([0, 1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      started.push(item);
      await new Promise((resolve) => setTimeout(resolve, item === 0 ? 1 : 20));
      settled.push(item);
      if (item === 0) throw new Error("first");
      return item;
    });
    await expect(attempt).rejects.toThrow("first");
    expect(started).toEqual([0, 1, 2]);
    expect([...settled].sort()).toEqual([0, 1, 2]);
  });
});
