import { mkdtempSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepoHandle } from "@/lib/gitops/repo-handle";
import { checkRemote } from "@/lib/gitops/remote-status";
import { diskCheck, measureReadiness } from "@/lib/status/readiness-checks";

// A Git remote that accepts the connection and never answers: real git, real sockets.
let hanging: Server;
let port = 0;
const sockets: Socket[] = [];
beforeAll(async () => {
  hanging = createServer((socket) => {
    sockets.push(socket);
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
  port = (hanging.address() as { port: number }).port;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => hanging.close(() => resolve()));
});

describe("readiness against a hanging Git remote", () => {
  it("gets git's answer back within its timeout, helpers and all", async () => {
    const repo = createRepoHandle({
      dir: mkdtempSync(path.join(tmpdir(), "foundry-ready-")),
      url: `http://127.0.0.1:${port}/gitops.git`,
      branch: "main",
      manifestsPath: "manifests",
      committer: { name: "Test", email: "test@example.test" },
      token: undefined,
      networkTimeoutMs: 60_000,
    });
    const started = Date.now();
    const status = await checkRemote(repo, 1_000);
    expect(status.ok).toBe(false);
    // git-remote-http, git's child, held the pipes open past git's own end before.
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it("says not ready, naming what did not answer, when a check outlasts the budget", async () => {
    const report = await measureReadiness(
      {
        database: async () => ({ ok: true }),
        git: () => new Promise(() => undefined),
        disk: async () => ({ ok: true }),
      },
      200,
    );
    expect(report).toEqual({
      ready: false,
      checks: {
        database: { ok: true },
        git: { ok: false, reason: "the Git remote did not answer within 0.2 s" },
        disk: { ok: true },
      },
    });
  });
});

describe("the data disk", () => {
  it("is not ready when the data directory has less room than a write needs", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "foundry-disk-"));
    expect(await diskCheck(dir)).toEqual({ ok: true });
    const full = await diskCheck(dir, Number.MAX_SAFE_INTEGER);
    expect(full.ok).toBe(false);
    expect(full.ok ? "" : full.reason).toMatch(/MiB free; writes need at least/);
    expect((await diskCheck(path.join(dir, "missing"))).ok).toBe(false);
  });
});
