import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startGitHttpServer } from "@/e2e/doubles/git-http-server";
import type { Actor } from "@/lib/actor";
import { createGitWriter, createKeyedQueue, type GitWriter } from "@/lib/gitops/create-git-writer";
import { createMemoryAuditLog } from "@/tests/support/memory-audit-log";
import { percentile } from "./percentile";

// Imports only modules without `server-only`, so plain `npx tsx bench/gitops-writer.ts` runs it.
const actor: Actor = {
  id: "bench",
  login: "bench",
  name: "Bench Person",
  email: "bench@example.test",
  role: "operator",
};
const concurrentChanges = 50;
const sequentialChanges = 20;

async function timedChange(writer: GitWriter, requestId: string): Promise<number> {
  const started = performance.now();
  await writer.applyChange({
    actor,
    action: "register-server",
    summary: `servers: register ${requestId}`,
    requestId,
    change: (tree) => tree.write(`servers/${requestId}.yaml`, `name: ${requestId}\n`),
  });
  return performance.now() - started;
}

async function remoteRequestIds(gitDir: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)("git", [
    "--git-dir",
    gitDir,
    "log",
    "--format=%(trailers:key=Foundry-Request,valueonly)",
    "main",
  ]);
  return stdout
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Two writers (like two replicas) against one loopback remote, then one writer alone. */
export async function runGitopsWriterBench(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "foundry-bench-gitops-"));
  const token = "bench-token";
  const server = await startGitHttpServer({ token, root: path.join(dir, "remote") });
  try {
    const url = await server.createRepository("bench/gitops", {
      files: { "manifests/README.md": "bench\n" },
    });
    const audit = createMemoryAuditLog();
    const writer = (name: string) =>
      createGitWriter({
        url,
        token,
        branch: "main",
        mode: "push",
        manifestsPath: "manifests",
        pushAttempts: 20,
        committer: { name: "Metal Foundry", email: "foundry@example.test" },
        cloneDir: path.join(dir, name),
        githubApiUrl: "http://127.0.0.1:9",
        audit,
        queue: createKeyedQueue(),
      });
    const [first, second] = [writer("replica-a"), writer("replica-b")];
    await Promise.all([first.readTree(), second.readTree()]);

    const started = performance.now();
    const settled = await Promise.allSettled(
      Array.from({ length: concurrentChanges }, (_, index) =>
        timedChange(index % 2 === 0 ? first : second, `c${String(index).padStart(3, "0")}`),
      ),
    );
    const total = performance.now() - started;
    const latencies = settled.flatMap((result) =>
      result.status === "fulfilled" ? [result.value] : [],
    );
    const ids = await remoteRequestIds(path.join(server.root, "bench/gitops.git"));
    const landed = ids.filter((id) => /^c\d{3}$/.test(id));

    const alone = writer("alone");
    await alone.readTree();
    const sequential: number[] = [];
    for (let index = 0; index < sequentialChanges; index += 1) {
      sequential.push(await timedChange(alone, `s${String(index).padStart(3, "0")}`));
    }

    const ms = (value: number) => `${Math.round(value)} ms`;
    console.log(`gitops writer: ${concurrentChanges} changes from two writers at once`);
    console.log(
      `  commits in remote history: ${landed.length} (must be ${concurrentChanges}), distinct requests: ${new Set(landed).size}, failed calls: ${settled.length - latencies.length}`,
    );
    console.log(
      `  latency p50 ${ms(percentile(latencies, 0.5))}, p95 ${ms(percentile(latencies, 0.95))}; total ${ms(total)}`,
    );
    for (const result of settled) {
      if (result.status === "rejected") console.log(`  failure: ${String(result.reason)}`);
    }
    console.log(`gitops writer: ${sequentialChanges} sequential changes, no contention`);
    console.log(
      `  latency p50 ${ms(percentile(sequential, 0.5))} (target ≤ 300 ms), p95 ${ms(percentile(sequential, 0.95))}`,
    );
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("gitops-writer.ts")) {
  runGitopsWriterBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
