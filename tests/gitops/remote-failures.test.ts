import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UnavailableError } from "@/lib/errors";
import { ada, createGitWorld, type GitWorld } from "./git-world";

let world: GitWorld;
beforeEach(async () => {
  world = await createGitWorld();
});
afterEach(async () => {
  await world.close();
});

const edit = (requestId: string, file = "servers/a.yaml") => ({
  actor: ada,
  action: "edit-server",
  summary: `servers: edit ${requestId}`,
  requestId,
  change: (tree: { write(p: string, c: string): Promise<void> }) =>
    tree.write(file, `by: ${requestId}\n`),
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("when the remote fails", () => {
  it("reports a stopped remote as Unavailable, leaves the clone clean, and works once it is back", async () => {
    const writer = world.writer();
    await writer.applyChange(edit("req-1"));
    await world.server.stop();

    const attempt = writer.applyChange(edit("req-2", "servers/b.yaml"));
    await expect(attempt).rejects.toThrow(UnavailableError);
    await expect(attempt).rejects.toThrow(
      `cannot reach the Git remote at 127.0.0.1:${world.server.port}: connection refused`,
    );
    expect(world.audit.get("req-2")?.outcome?.status).toBe("failed");
    expect(await writer.checkRemote()).toEqual({
      ok: false,
      reason: `cannot reach the Git remote at 127.0.0.1:${world.server.port}: connection refused`,
    });

    await world.server.restart();
    const result = await writer.applyChange(edit("req-3", "servers/c.yaml"));
    expect(await writer.checkRemote()).toEqual({ ok: true, head: result.sha });
    expect(await world.remoteFile("manifests/servers/b.yaml")).toBeUndefined();
    expect(await world.remoteFile("manifests/servers/c.yaml")).toBe("by: req-3\n");
  });

  it("leaves nothing half-applied when the push itself is refused", async () => {
    const writer = world.writer();
    world.server.setHook((request) =>
      request.service === "git-receive-pack"
        ? { kind: "reject", status: 503, message: "maintenance" }
        : { kind: "pass" },
    );
    await expect(writer.applyChange(edit("req-1"))).rejects.toThrow(UnavailableError);
    const clone = path.join(world.dir, "clone-1");
    await expect(readFile(path.join(clone, "manifests/servers/a.yaml"))).rejects.toThrow();
    const [remoteHead] = await world.remoteLog();
    world.server.setHook(undefined);
    expect((await writer.readTree()).sha).toBe(remoteHead?.sha);
    await expect(writer.applyChange(edit("req-2"))).resolves.toMatchObject({ committed: true });
  });

  it("says the credentials were refused, and the token never shows up anywhere", async () => {
    const wrong = "wrong-token-0123456789abcdef";
    const writer = world.writer({ token: wrong });
    const error = await writer.applyChange(edit("req-1")).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as Error).message).toBe("the Git remote refused the credentials");
    expect(await writer.checkRemote()).toEqual({
      ok: false,
      reason: "the Git remote refused the credentials",
    });
    expect(world.audit.get("req-1")?.outcome).toEqual({
      status: "failed",
      error: "the Git remote refused the credentials",
    });

    // A good token, then look for it everywhere it must not be.
    const good = world.writer();
    await good.applyChange(edit("req-2"));
    const encoded = Buffer.from(`x-access-token:${world.token}`).toString("base64");
    const cloneFiles = await filesUnder(path.join(world.dir, "clone-2"));
    for (const file of cloneFiles) {
      const text = await readFile(file, "latin1");
      expect(text.includes(world.token) || text.includes(encoded), file).toBe(false);
    }
    expect(await readFile(path.join(world.dir, "clone-2/.git/config"), "utf8")).not.toContain(
      "Authorization",
    );
    expect(JSON.stringify(world.audit.entries)).not.toContain(world.token);
    expect(JSON.stringify(world.audit.entries)).not.toContain(wrong);
  });

  it("says plainly when the branch or repository does not exist", async () => {
    const noBranch = world.writer({ branch: "production" });
    await expect(noBranch.applyChange(edit("req-1"))).rejects.toThrow(
      `the Git remote at 127.0.0.1:${world.server.port} has no branch "production"; push a first commit to it`,
    );
    const noRepo = world.writer({ url: world.server.urlFor("acme/missing") });
    await expect(noRepo.checkRemote()).resolves.toEqual({
      ok: false,
      reason: `the Git remote at 127.0.0.1:${world.server.port} has no such repository`,
    });
  });
});
