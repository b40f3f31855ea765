import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/** Resident memory of a process, from Linux's own count. */
export function rssMegabytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match?.[1] ? Number(match[1]) / 1024 : Number.NaN;
}

export type StandaloneProcess = { base: string; pid: number; stop(): void };

/**
 * A Next.js standalone server started as the container starts the console: `node` with the V8
 * heap bound the Deployment sets (manifests/apps/foundry-console), ready once `readyPath` answers.
 */
export async function startStandalone(options: {
  entry: string;
  port: number;
  env: Record<string, string>;
  readyPath: string;
  cwd?: string;
}): Promise<StandaloneProcess> {
  const server: ChildProcess = spawn(
    process.execPath,
    ["--max-old-space-size=160", options.entry],
    {
      cwd: options.cwd,
      env: {
        ...process.env,
        ...options.env,
        NODE_ENV: "production",
        PORT: String(options.port),
        HOSTNAME: "127.0.0.1",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const base = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`${options.entry} exited before it answered`);
    if (Date.now() > deadline) {
      server.kill("SIGTERM");
      throw new Error(`${options.entry} did not answer ${options.readyPath} in time`);
    }
    const ok = await fetch(`${base}${options.readyPath}`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await sleep(200);
  }
  // Let start-up work (migrations, the first cluster read) settle before the first figure.
  await sleep(1_000);
  return { base, pid: server.pid ?? 0, stop: () => server.kill("SIGTERM") };
}
