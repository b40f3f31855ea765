import { readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, InvalidError } from "@/lib/errors";
import { ada, committer, createGitWorld, type GitWorld } from "./git-world";

let world: GitWorld;
beforeEach(async () => {
  world = await createGitWorld();
});
afterEach(async () => {
  await world.close();
});

const register = (name: string) => ({
  actor: ada,
  action: "register-server",
  summary: `servers: register ${name} (aa:bb:cc:dd:ee:ff)`,
  change: async (tree: {
    exists(p: string): Promise<boolean>;
    write(p: string, c: string): Promise<void>;
  }) => {
    if (await tree.exists(`servers/${name}.yaml`))
      throw new ConflictError(`server ${name} is already registered`);
    await tree.write(`servers/${name}.yaml`, `name: ${name}\n`);
  },
});

describe("applyChange", () => {
  it("commits the change as the person, through the console, with trailers", async () => {
    const writer = world.writer();
    const result = await writer.applyChange({ ...register("rack1-node3"), requestId: "req-0001" });

    expect(result).toMatchObject({ requestId: "req-0001", committed: true });
    const [head] = await world.remoteLog();
    expect(head?.sha).toBe(result.sha);
    expect(head?.author).toBe("Ada Lovelace <ada@example.test>");
    expect(head?.committer).toBe(`${committer.name} <${committer.email}>`);
    expect(head?.message).toBe(
      "servers: register rack1-node3 (aa:bb:cc:dd:ee:ff)\n\nFoundry-Action: register-server\nFoundry-Request: req-0001\n",
    );
    expect(await world.remoteFile("manifests/servers/rack1-node3.yaml")).toBe(
      "name: rack1-node3\n",
    );
    expect(world.audit.get("req-0001")).toMatchObject({
      action: "register-server",
      actor: ada,
      outcome: { status: "succeeded", commitSha: result.sha },
    });
  });

  it("reads, lists and deletes files relative to the manifests path", async () => {
    const writer = world.writer();
    await writer.applyChange(register("a"));
    await writer.applyChange(register("b"));
    let seen: string[] = [];
    await writer.applyChange({
      actor: ada,
      action: "decommission-server",
      summary: "servers: decommission a",
      change: async (tree) => {
        seen = await tree.list("servers");
        expect(await tree.read("servers/a.yaml")).toBe("name: a\n");
        expect(await tree.read("servers/missing.yaml")).toBeUndefined();
        expect(await tree.delete("servers/a.yaml")).toBe(true);
      },
    });
    expect(seen).toEqual(["servers/a.yaml", "servers/b.yaml"]);
    expect(await world.remoteFile("manifests/servers/a.yaml")).toBeUndefined();
    const snapshot = await writer.readTree({ refresh: true });
    expect(snapshot.files).toEqual(["README.md", "servers/b.yaml"]);
    expect(await snapshot.read("servers/b.yaml")).toBe("name: b\n");
  });

  it("commits exactly what the change wrote and deleted, names with * and [ ] as names", async () => {
    const writer = world.writer();
    await writer.applyChange(register("a"));
    await writer.applyChange(register("b"));
    const names = ["servers/[ab].yaml", "servers/*.yaml", "servers/with space:colon.yaml"];
    let listed: string[] = [];
    await writer.applyChange({
      actor: ada,
      action: "edit-server",
      summary: "servers: odd names",
      change: async (tree) => {
        for (const name of names) await tree.write(name, `${name}\n`);
        await tree.write("servers/gone.yaml", "briefly\n");
        await tree.delete("servers/gone.yaml");
        expect(await tree.delete("servers/a.yaml")).toBe(true);
        listed = await tree.list("servers");
      },
    });
    const expected = [...names, "servers/b.yaml"].sort();
    expect(listed).toEqual(expected);
    const files = await world.remoteGit([
      "ls-tree",
      "-r",
      "--name-only",
      "main",
      "manifests/servers",
    ]);
    expect(files.trim().split("\n")).toEqual(expected.map((name) => `manifests/${name}`));
    for (const name of names) expect(await world.remoteFile(`manifests/${name}`)).toBe(`${name}\n`);
    expect(await world.remoteFile("manifests/servers/b.yaml")).toBe("name: b\n");
  });

  it("starts every write from the remote HEAD: a person's push, and never a failed change's files", async () => {
    const writer = world.writer();
    await writer.applyChange(register("a"));
    await world.commitByHand(async (work) => {
      await rm(path.join(work, "manifests/servers/a.yaml"));
      await writeFile(path.join(work, "manifests/servers/by-hand.yaml"), "name: by-hand\n");
    }, "a person moves a to by-hand");
    let seen: string[] = [];
    await writer.applyChange({
      ...register("b"),
      change: async (tree) => {
        seen = await tree.list("servers");
        await tree.write("servers/b.yaml", "name: b\n");
      },
    });
    expect(seen).toEqual(["servers/by-hand.yaml"]);
    const failed = writer.applyChange({
      actor: ada,
      action: "edit-server",
      summary: "servers: half a change",
      change: async (tree) => {
        await tree.write("servers/half.yaml", "half\n");
        await tree.delete("servers/b.yaml");
        throw new ConflictError("changed its mind");
      },
    });
    await expect(failed).rejects.toBeInstanceOf(ConflictError);
    await writer.applyChange(register("c"));
    const files = await world.remoteGit([
      "ls-tree",
      "-r",
      "--name-only",
      "main",
      "manifests/servers",
    ]);
    expect(files.trim().split("\n")).toEqual([
      "manifests/servers/b.yaml",
      "manifests/servers/by-hand.yaml",
      "manifests/servers/c.yaml",
    ]);
  });

  it("refuses a file where the commit has a folder, and a folder where it has a file", async () => {
    const writer = world.writer();
    await writer.applyChange(register("a"));
    const attempt = (file: string) =>
      writer.applyChange({
        actor: ada,
        action: "edit-server",
        summary: `servers: ${file}`,
        change: (tree) => tree.write(file, "x\n"),
      });
    await expect(attempt("servers")).rejects.toThrow(
      new ConflictError('"manifests/servers" is a folder in the repository, not a file'),
    );
    await expect(attempt("servers/a.yaml/inside.yaml")).rejects.toThrow(
      new ConflictError('"manifests/servers/a.yaml" is a file in the repository, not a folder'),
    );
    expect((await world.remoteLog()).length).toBe(2);
  });

  it("writes the blobs of a large change as one pack, and nothing into a working tree", async () => {
    const writer = world.writer();
    await writer.applyChange({
      actor: ada,
      action: "bulk-register-servers",
      summary: "servers: register 300",
      change: async (tree) => {
        for (let i = 0; i < 300; i += 1) await tree.write(`servers/n${i}.yaml`, `name: n${i}\n`);
      },
    });
    const clone = path.join(world.dir, "clone-1");
    expect(await readdir(clone)).toEqual([".git"]);
    const loose = (await readdir(path.join(clone, ".git/objects"))).filter((name) =>
      /^[0-9a-f]{2}$/.test(name),
    );
    // The commit and its trees are loose; the 300 blobs are not.
    expect(loose.length).toBeLessThan(10);
    expect(await world.remoteFile("manifests/servers/n299.yaml")).toBe("name: n299\n");
  });

  it("makes no commit when the change changes nothing, and says so", async () => {
    const writer = world.writer();
    const first = await writer.applyChange(register("same"));
    const again = await writer.applyChange({
      actor: ada,
      action: "edit-server",
      summary: "servers: edit same",
      change: (tree) => tree.write("servers/same.yaml", "name: same\n"),
    });
    expect(again).toMatchObject({ committed: false, sha: first.sha });
    expect((await world.remoteLog())[0]?.sha).toBe(first.sha);
    expect(world.audit.get(again.requestId)?.outcome).toEqual({ status: "succeeded" });
  });

  it.each([
    [
      "newlines and a fake trailer",
      "servers: evil\n\nFoundry-Request: forged\nSigned-off-by: x",
      "servers: evil Foundry-Request: forged Signed-off-by: x",
    ],
    [
      "shell metacharacters",
      "$(touch /tmp/pwned) `id` ; rm -rf / | cat && echo '\"'",
      "$(touch /tmp/pwned) `id` ; rm -rf / | cat && echo '\"'",
    ],
    ["a comment-looking subject", "# not a comment", "# not a comment"],
    ["control characters", "a\u0000b\u001bc\u2028d", "a b c d"],
  ])("keeps a summary with %s as one line of text", async (_, summary, subject) => {
    const result = await world.writer().applyChange({
      actor: ada,
      action: "edit-server",
      summary,
      requestId: "req-hostile",
      change: (tree) => tree.write("servers/x.yaml", "x: 1\n"),
    });
    const [head] = await world.remoteLog();
    expect(head?.message).toBe(
      `${subject}\n\nFoundry-Action: edit-server\nFoundry-Request: req-hostile\n`,
    );
    expect(head?.requestIds).toEqual(["req-hostile"]);
    expect(head?.sha).toBe(result.sha);
  });

  it("bounds a long summary", async () => {
    const result = await world.writer().applyChange({
      actor: ada,
      action: "edit-server",
      summary: "x".repeat(5000),
      change: (tree) => tree.write("servers/x.yaml", "x: 1\n"),
    });
    const subject = (await world.remoteLog())[0]?.message.split("\n")[0] ?? "";
    expect(subject.length).toBeLessThanOrEqual(100);
    expect(result.committed).toBe(true);
  });

  it.each([
    "/etc/passwd",
    "../README.md",
    "servers/../../README.md",
    "",
    ".git/config",
    "a\\b",
    "a\nb",
  ])("refuses the path %j and leaves nothing behind", async (bad) => {
    const writer = world.writer();
    const before = (await world.remoteLog())[0]?.sha;
    const attempt = writer.applyChange({
      actor: ada,
      action: "edit-server",
      summary: "servers: escape",
      requestId: "req-escape",
      change: async (tree) => {
        await tree.write("servers/ok.yaml", "ok: 1\n");
        await tree.write(bad, "owned\n");
      },
    });
    await expect(attempt).rejects.toBeInstanceOf(InvalidError);
    expect((await world.remoteLog())[0]?.sha).toBe(before);
    expect(world.audit.get("req-escape")?.outcome?.status).toBe("refused");
    const clone = path.join(world.dir, "clone-1");
    await expect(readFile(path.join(clone, "manifests/servers/ok.yaml"))).rejects.toThrow();
  });

  it("refuses to follow a committed symbolic link out of the manifests tree", async () => {
    await world.commitByHand(async (work) => {
      await symlink("../..", path.join(work, "manifests/escape"));
      await symlink("../README.md", path.join(work, "manifests/readme-link"));
    }, "add links");
    const writer = world.writer();
    for (const [file, link] of [
      ["escape/etc/owned", "manifests/escape"],
      ["readme-link", "manifests/readme-link"],
    ] as const) {
      await expect(
        writer.applyChange({
          actor: ada,
          action: "edit-server",
          summary: "servers: escape",
          change: (tree) => tree.write(file, "x"),
        }),
      ).rejects.toThrow(
        new ConflictError(
          `the repository holds a symbolic link at "${link}" and the console will not read ` +
            "or write through it; replace it with a regular file or folder",
        ),
      );
    }
    expect(await world.remoteFile("README.md")).toBe("fork of metal-foundry\n");
  });

  it("refuses invalid actions and request ids before any audit row or Git work", async () => {
    const writer = world.writer();
    await expect(
      writer.applyChange({ ...register("a"), action: "Register Server" }),
    ).rejects.toBeInstanceOf(InvalidError);
    await expect(
      writer.applyChange({ ...register("a"), requestId: "--upload-pack=x" }),
    ).rejects.toBeInstanceOf(InvalidError);
    await expect(
      writer.applyChange({ ...register("a"), summary: " \n\t " }),
    ).rejects.toBeInstanceOf(InvalidError);
    expect(world.audit.entries).toEqual([]);
  });
});
