import { chmod, mkdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError } from "@/lib/errors";
import type { TreeChange } from "@/lib/gitops/types";
import { ada, createGitWorld, type GitWorld } from "./git-world";

let world: GitWorld;
beforeEach(async () => {
  world = await createGitWorld();
});
afterEach(async () => {
  await world.close();
});

const linkMessage = (at: string) =>
  `the repository holds a symbolic link at "${at}" and the console will not read or write ` +
  "through it; replace it with a regular file or folder";

const registerNode1: TreeChange = async (tree) => {
  if (await tree.exists("tinkerbell/hardware/node1.yaml")) throw new ConflictError("taken");
  await tree.write("tinkerbell/hardware/node1.yaml", "kind: Hardware\n");
};

async function addLinks(links: Record<string, string>): Promise<void> {
  await world.commitByHand(async (work) => {
    for (const [at, target] of Object.entries(links)) {
      await mkdir(path.dirname(path.join(work, at)), { recursive: true });
      await symlink(target, path.join(work, at));
    }
  }, "add links");
}

async function refused(change: TreeChange, at: string, requestId: string): Promise<void> {
  const before = (await world.remoteLog())[0]?.sha;
  const attempt = world.writer().applyChange({
    actor: ada,
    action: "register-server",
    summary: "x",
    requestId,
    change,
  });
  await expect(attempt).rejects.toThrow(new ConflictError(linkMessage(at)));
  expect(world.audit.get(requestId)?.outcome?.status).toBe("refused");
  expect((await world.remoteLog())[0]?.sha).toBe(before);
}

describe("symbolic links committed in the repository", () => {
  it.each([
    ["absolute", (dir: string) => path.join(dir, "outside/pwned.yaml")],
    ["relative", () => "../../../../outside/pwned.yaml"],
  ])("never writes through a dangling %s link out of the clone", async (_, target) => {
    await addLinks({ "manifests/tinkerbell/hardware/node1.yaml": target(world.dir) });
    await mkdir(path.join(world.dir, "outside"));
    await refused(registerNode1, "manifests/tinkerbell/hardware/node1.yaml", "req-dangling");
    await expect(stat(path.join(world.dir, "outside/pwned.yaml"))).rejects.toThrow(/ENOENT/);
  });

  it("neither reads nor overwrites an existing file a link points at", async () => {
    const secret = path.join(world.dir, "secret.txt");
    await writeFile(secret, "secret\n");
    await addLinks({ "manifests/servers/a.yaml": secret });
    const at = "manifests/servers/a.yaml";
    await refused((tree) => tree.read("servers/a.yaml").then(() => undefined), at, "req-read");
    await refused((tree) => tree.write("servers/a.yaml", "owned\n"), at, "req-write");
    await refused((tree) => tree.delete("servers/a.yaml").then(() => undefined), at, "req-delete");
    expect(await readFile(secret, "utf8")).toBe("secret\n");
  });

  it("refuses a linked folder on the path, dangling or not, inside the tree or not", async () => {
    await addLinks({
      "manifests/tinkerbell": "../outside-tree",
      "manifests/servers": "inner",
      "manifests/inner/keep.yaml": "../README.md",
    });
    await refused(registerNode1, "manifests/tinkerbell", "req-folder-out");
    const write: TreeChange = (tree) => tree.write("servers/b.yaml", "b\n");
    await refused(write, "manifests/servers", "req-folder-in");
    const list: TreeChange = (tree) => tree.list("servers").then(() => undefined);
    await refused(list, "manifests/servers", "req-list");
  });

  it("refuses links inside the tree too, and leaves them out of listings", async () => {
    await world.pushByHand("manifests/servers/a.yaml", "name: a\n");
    await addLinks({ "manifests/servers/alias.yaml": "a.yaml" });
    const write: TreeChange = (tree) => tree.write("servers/alias.yaml", "x\n");
    await refused(write, "manifests/servers/alias.yaml", "req-inside");
    let listed: string[] = [];
    await world.writer().applyChange({
      actor: ada,
      action: "list",
      summary: "x",
      change: async (tree) => {
        listed = await tree.list();
      },
    });
    expect(listed).toEqual(["README.md", "servers/a.yaml"]);
  });

  it("keeps a file's mode when it replaces it", async () => {
    await world.commitByHand(async (work) => {
      await mkdir(path.join(work, "manifests/scripts"));
      await writeFile(path.join(work, "manifests/scripts/run.sh"), "echo 1\n");
      await chmod(path.join(work, "manifests/scripts/run.sh"), 0o755);
    }, "add script");
    await world.writer().applyChange({
      actor: ada,
      action: "edit-script",
      summary: "scripts: edit",
      change: (tree) => tree.write("scripts/run.sh", "echo 2\n"),
    });
    const entry = await world.remoteGit(["ls-tree", "main", "manifests/scripts/run.sh"]);
    expect(entry).toMatch(/^100755 /);
    expect(await world.remoteFile("manifests/scripts/run.sh")).toBe("echo 2\n");
  });
});
