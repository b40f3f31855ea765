import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureEmbeddedRepository } from "@/lib/gitops/embedded-repository";
import { interruptedMessage } from "@/lib/gitops/recover";
import { ada, committer, createGitWorld, type GitWorld } from "./git-world";

let world: GitWorld;
beforeEach(async () => {
  world = await createGitWorld();
});
afterEach(async () => {
  await world.close();
});

const trailers = (id: string) =>
  `servers: register ${id}\n\nFoundry-Action: register-server\nFoundry-Request: ${id}\n`;

describe("recoverInterruptedWrites", () => {
  it("settles pending entries from the remote's history, pull request branches included", async () => {
    for (const requestId of ["req-landed", "req-on-branch", "req-lost", "req-mentioned"]) {
      await world.audit.start({
        requestId,
        actor: ada,
        action: "register-server",
        target: requestId,
      });
    }
    await world.pushByHand("manifests/servers/x.yaml", "x: 1\n", trailers("req-landed"));
    await world.pushByHand(
      "manifests/servers/y.yaml",
      "y: 1\n",
      trailers("req-on-branch"),
      "foundry/register-server-reqonbra",
    );
    // Naming a request in a subject is not the trailer: it must not count.
    await world.pushByHand("manifests/servers/z.yaml", "z: 1\n", "Foundry-Request: req-mentioned");

    const report = await world.writer().recoverInterruptedWrites();

    const [landed] = await world.remoteLog("main");
    const [onBranch] = await world.remoteLog("foundry/register-server-reqonbra");
    expect(report).toEqual({
      succeeded: ["req-landed", "req-on-branch"],
      failed: ["req-lost", "req-mentioned"],
    });
    expect(world.audit.get("req-landed")?.outcome).toEqual({
      status: "succeeded",
      commitSha: expect.any(String),
    });
    expect(world.audit.get("req-on-branch")?.outcome).toEqual({
      status: "succeeded",
      commitSha: onBranch?.sha,
    });
    expect(world.audit.get("req-lost")?.outcome).toEqual({
      status: "failed",
      error: interruptedMessage,
    });
    expect(landed?.message).toContain("Foundry-Request: req-mentioned");
    expect(await world.audit.pending()).toEqual([]);
  });

  it("leaves entries started after the cut-off alone", async () => {
    await world.audit.start({
      requestId: "req-new",
      actor: ada,
      action: "edit-server",
      target: "x",
    });
    const report = await world
      .writer()
      .recoverInterruptedWrites({ startedBefore: new Date(Date.now() - 60_000) });
    expect(report).toEqual({ succeeded: [], failed: [] });
    expect(await world.audit.pending()).toHaveLength(1);
  });
});

describe("ensureEmbeddedRepository", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "foundry-embedded-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("creates and seeds the bare repository once, and the writer uses it as its remote", async () => {
    const seedFrom = path.join(dir, "project/manifests");
    await mkdir(path.join(seedFrom, "clusters/foundry"), { recursive: true });
    await writeFile(
      path.join(seedFrom, "clusters/foundry/flux-system.yaml"),
      "kind: Kustomization\n",
    );
    const options = {
      path: path.join(dir, "data/gitops.git"),
      branch: "main",
      manifestsPath: "manifests",
      seedFrom,
      committer,
    };

    expect(await ensureEmbeddedRepository(options)).toBe(true);
    await writeFile(path.join(seedFrom, "later.yaml"), "not: seeded\n");
    expect(await ensureEmbeddedRepository(options)).toBe(false);

    const writer = world.writer({
      url: options.path,
      token: undefined,
      prepareRemote: () => ensureEmbeddedRepository(options),
    });
    const snapshot = await writer.readTree();
    expect(snapshot.files).toEqual(["clusters/foundry/flux-system.yaml"]);
    const result = await writer.applyChange({
      actor: ada,
      action: "register-server",
      summary: "servers: register a",
      change: (tree) => tree.write("servers/a.yaml", "a: 1\n"),
    });
    expect((await writer.readTree()).files).toEqual([
      "clusters/foundry/flux-system.yaml",
      "servers/a.yaml",
    ]);
    expect(await writer.checkRemote()).toEqual({ ok: true, head: result.sha });
  });

  it("seeds an empty first commit when the project has no manifests folder", async () => {
    const options = {
      path: path.join(dir, "gitops.git"),
      branch: "trunk",
      manifestsPath: "manifests",
      seedFrom: path.join(dir, "none"),
      committer,
    };
    expect(await ensureEmbeddedRepository(options)).toBe(true);
    const writer = world.writer({ url: options.path, branch: "trunk", token: undefined });
    expect((await writer.readTree()).files).toEqual([]);
  });
});
