import type { SpawnOptions } from "node:child_process";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBlobCache } from "@/lib/gitops/blob-cache";
import { createGitReader } from "@/lib/gitops/tree-reader";
import { ada, createGitWorld, type GitWorld } from "./git-world";

const seen = vi.hoisted(() => [] as { args: string[]; env: Record<string, string | undefined> }[]);

vi.mock("node:child_process", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:child_process")>();
  const spawn = (command: string, args: string[], options: SpawnOptions) => {
    seen.push({ args: [command, ...args], env: options.env ?? {} });
    return original.spawn(command, args, options);
  };
  return { ...original, spawn };
});

let world: GitWorld;
beforeEach(async () => {
  world = await createGitWorld();
});
afterEach(async () => {
  await world.close();
});

describe("the git processes the writer starts", () => {
  it("never carry the token in their arguments, only in the environment, with prompts off", async () => {
    const writer = world.writer();
    seen.length = 0;
    await writer.applyChange({
      actor: ada,
      action: "edit-server",
      summary: "servers: edit a",
      change: (tree) => tree.write("servers/a.yaml", "a: 1\n"),
    });
    const writerCalls = seen.filter((call) => call.env.GIT_CONFIG_COUNT !== undefined);
    expect(writerCalls.length).toBeGreaterThan(3);
    const basic = Buffer.from(`x-access-token:${world.token}`).toString("base64");
    for (const call of writerCalls) {
      expect(call.args.join(" ")).not.toContain(world.token);
      expect(call.args.join(" ")).not.toContain(basic);
      expect(call.env.GIT_TERMINAL_PROMPT).toBe("0");
      expect(Object.values(call.env)).toContain(`Authorization: Basic ${basic}`);
    }
  });
});

describe("the git processes the reader starts", () => {
  it("run in the writer's clone with the writer's environment, and no token", async () => {
    const cloneDir = path.join(world.dir, "read-clone");
    const { sha } = await world.writer({ cloneDir }).readTree();
    seen.length = 0;
    const reader = await createGitReader(
      { cloneDir, manifestsPath: "manifests" },
      createBlobCache(1024 * 1024),
    ).readFolders(sha, ["."]);
    expect(await reader.read("README.md")).toBe("# GitOps tree\n");
    // The commit's listing is the one the writer's readTree just made: only the blobs are read.
    expect(seen.map((call) => call.args.slice(0, 3))).toEqual([["git", "cat-file", "--batch"]]);
    for (const call of seen) {
      expect(call.env).toMatchObject({
        GIT_DIR: path.join(cloneDir, ".git"),
        GIT_TERMINAL_PROMPT: "0",
        GIT_CONFIG_GLOBAL: "/dev/null",
      });
      expect(call.env.GIT_CONFIG_COUNT).toBeDefined();
      expect(Object.values(call.env).join(" ")).not.toContain("Authorization");
    }
  });
});
