import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBlobCache } from "@/lib/gitops/blob-cache";
import { createGitReader } from "@/lib/gitops/tree-reader";

const run = promisify(execFile);

describe("the blob cache", () => {
  it("stays under its byte bound, dropping the least recently used first", () => {
    const cache = createBlobCache(10);
    cache.set("a", "aaaa", 4);
    cache.set("b", "bbbb", 4);
    expect(cache.get("a")).toBe("aaaa");
    cache.set("c", "cccc", 4);
    expect(cache.bytes).toBe(8);
    expect(cache.get("b")).toBeUndefined();
    expect([cache.get("a"), cache.get("c")]).toEqual(["aaaa", "cccc"]);
  });

  it("never holds a blob larger than the bound, and counts a replaced one once", () => {
    const cache = createBlobCache(10);
    cache.set("a", "aaaa", 4);
    cache.set("a", "aaaa", 4);
    cache.set("huge", "x".repeat(11), 11);
    expect(cache.get("huge")).toBeUndefined();
    expect({ size: cache.size, bytes: cache.bytes }).toEqual({ size: 1, bytes: 4 });
  });
});

describe("the Git reader", () => {
  let dir: string;
  let sha: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "foundry-tree-reader-"));
    const git = (args: string[]) =>
      run("git", ["-c", "user.name=t", "-c", "user.email=t@example.test", ...args], { cwd: dir });
    await git(["init", "-q"]);
    await mkdir(path.join(dir, "manifests/hardware"), { recursive: true });
    for (let index = 0; index < 20; index += 1) {
      await writeFile(path.join(dir, `manifests/hardware/n${index}.yaml`), `name: n${index}\n`);
    }
    await symlink("n0.yaml", path.join(dir, "manifests/hardware/link.yaml"));
    await git(["add", "-A"]);
    await git(["commit", "-q", "-m", "seed"]);
    sha = (await git(["rev-parse", "HEAD"])).stdout.trim();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads every file right while a small cache evicts, and skips symbolic links", async () => {
    const cache = createBlobCache(30);
    const gitReader = createGitReader({ cloneDir: dir, manifestsPath: "manifests" }, cache);
    for (let round = 0; round < 2; round += 1) {
      const reader = await gitReader.readFolders(sha, ["hardware"]);
      const files = await reader.list("hardware");
      expect(files).toHaveLength(20);
      expect(files).not.toContain("hardware/link.yaml");
      for (let index = 0; index < 20; index += 1) {
        expect(await reader.read(`hardware/n${index}.yaml`)).toBe(`name: n${index}\n`);
      }
      expect(cache.bytes).toBeLessThanOrEqual(30);
    }
  });
});
