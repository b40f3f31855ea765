import { execFile } from "node:child_process";
import { mkdir, readdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError } from "@/lib/errors";
import { createGitWriter, createKeyedQueue } from "@/lib/gitops/create-git-writer";
import { createMemoryAuditLog } from "@/tests/support/memory-audit-log";
import { ada, committer, createGitWorld, quietGitEnv, type GitWorld } from "./git-world";

/*
 * Commits made from objects, with no working tree: what they must still get right about the
 * repository they are made in, and about the clone they are made from.
 */
const run = promisify(execFile);
const git = async (cwd: string, ...args: string[]) =>
  (await run("git", args, { cwd, env: quietGitEnv })).stdout;

let world: GitWorld;
beforeEach(async () => {
  world = await createGitWorld();
});
afterEach(async () => {
  await world.close();
});

const write = (file: string, content = `${file}\n`) => ({
  actor: ada,
  action: "edit-server",
  summary: `servers: write ${file}`,
  change: (tree: { write(p: string, c: string): Promise<void> }) => tree.write(file, content),
});

describe("commits made from objects", () => {
  it("work in a SHA-256 repository, for one file, for many, and for a deletion", async () => {
    const remote = path.join(world.dir, "sha256.git");
    const seed = path.join(world.dir, "sha256-seed");
    await git(world.dir, "init", "-q", "--bare", "--object-format=sha256", "-b", "main", remote);
    await git(world.dir, "init", "-q", "--object-format=sha256", "-b", "main", seed);
    await mkdir(path.join(seed, "manifests"));
    await writeFile(path.join(seed, "manifests/README.md"), "# GitOps tree\n");
    await git(seed, "add", "-A");
    await git(seed, "commit", "-q", "-m", "seed");
    await git(seed, "push", "-q", remote, "main");
    const writer = createGitWriter({
      url: remote,
      token: undefined,
      branch: "main",
      mode: "push",
      manifestsPath: "manifests",
      committer,
      pushAttempts: 3,
      cloneDir: path.join(world.dir, "sha256-clone"),
      githubApiUrl: "http://127.0.0.1:9",
      audit: createMemoryAuditLog(),
      queue: createKeyedQueue(),
      networkTimeoutMs: 10_000,
    });
    const one = await writer.applyChange(write("servers/a.yaml"));
    expect(one.sha).toMatch(/^[0-9a-f]{64}$/);
    await writer.applyChange({
      ...write("many"),
      change: async (tree) => {
        for (let i = 0; i < 20; i += 1) await tree.write(`servers/n${i}.yaml`, `n: ${i}\n`);
        await tree.delete("servers/a.yaml");
      },
    });
    const again = await writer.applyChange({
      ...write("same"),
      change: (tree) => tree.write("servers/n3.yaml", "n: 3\n"),
    });
    expect(again.committed).toBe(false);
    const files = await git(remote, "ls-tree", "-r", "--name-only", "main", "manifests/servers");
    expect(files.trim().split("\n")).toHaveLength(20);
    expect(await git(remote, "show", "main:manifests/servers/n19.yaml")).toBe("n: 19\n");
  });

  it("two writers on one clone (a rolling restart on one volume) never commit each other's work", async () => {
    const cloneDir = path.join(world.dir, "shared-clone");
    const a = world.writer({ cloneDir });
    const b = world.writer({ cloneDir });
    await a.applyChange(write("servers/a.yaml"));
    // B's commit is made, then its push is refused: its tree holds a file that never landed.
    world.server.setHook((request) =>
      request.service === "git-receive-pack"
        ? { kind: "reject", status: 503, message: "maintenance" }
        : { kind: "pass" },
    );
    await expect(b.applyChange(write("servers/from-b.yaml"))).rejects.toThrow();
    world.server.setHook(undefined);
    await a.applyChange(write("servers/c.yaml"));
    const files = await world.remoteGit(["ls-tree", "-r", "--name-only", "main", "manifests"]);
    expect(files.trim().split("\n")).toEqual([
      "manifests/README.md",
      "manifests/servers/a.yaml",
      "manifests/servers/c.yaml",
    ]);
  });

  it("refuses a commit that would remove entries the change could not see", async () => {
    // A folder of links only: no regular file in it, so the change sees no folder there.
    await world.commitByHand(async (work) => {
      await mkdir(path.join(work, "manifests/links"));
      await symlink("../README.md", path.join(work, "manifests/links/one"));
    }, "a folder of links");
    const before = (await world.remoteLog())[0]?.sha;
    await expect(world.writer().applyChange(write("links"))).rejects.toThrow(
      new ConflictError(
        'the commit would also change "manifests/links/one", which the change did not touch; nothing was committed',
      ),
    );
    expect((await world.remoteLog())[0]?.sha).toBe(before);
  });

  it("lets a file take the name of a folder whose files the change wrote and removed again", async () => {
    await world.writer().applyChange({
      ...write("a"),
      change: async (tree) => {
        await tree.write("servers/a/b.yaml", "b\n");
        await tree.delete("servers/a/b.yaml");
        await tree.write("servers/a", "a file\n");
      },
    });
    expect(await world.remoteFile("manifests/servers/a")).toBe("a file\n");
  });

  it("drops the working tree a clone of an older console still has, once", async () => {
    const cloneDir = path.join(world.dir, "old-clone");
    await git(world.dir, "clone", "-q", world.gitDir, cloneDir);
    expect((await readdir(cloneDir)).sort()).toEqual([".git", "README.md", "manifests"]);
    await world.writer({ cloneDir }).applyChange(write("servers/a.yaml"));
    expect(await readdir(cloneDir)).toEqual([".git"]);
    expect(await world.remoteFile("manifests/servers/a.yaml")).toBe("servers/a.yaml\n");
  });
});
