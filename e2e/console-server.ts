import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type ConsoleServer = {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /** SIGKILL: the process gets no chance to finish anything, as when a node dies. */
  kill(): Promise<void>;
};

/** Starts the built standalone console with extra settings, on its own port and data dir. */
export async function startConsoleServer(
  port: number,
  settings: Record<string, string>,
): Promise<ConsoleServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "foundry-e2e-auth-"));
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["scripts/start-standalone.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      FOUNDRY_DATA_DIR: dataDir,
      ...settings,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the console exited:\n${output}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`the console did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const ended = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  return { url, dataDir, stop: () => ended("SIGTERM"), kill: () => ended("SIGKILL") };
}
