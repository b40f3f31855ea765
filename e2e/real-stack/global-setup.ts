import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { startConsoleServer } from "../console-server";
import { readEnvFile } from "./env-file";
import {
  qemuHost,
  realStackConsolePort,
  realStackDir,
  sandboxClusterPort,
  sandboxConsolePort,
} from "./settings";

/**
 * A fresh real stack for the run (the builds stay cached), then the built standalone console on
 * exactly the settings the stack writes to DIR/env, as a user would start it, and
 * FOUNDRY_PUBLIC_URL as the docs tell a user to set it: the address the machines reach the
 * console at, here QEMU's host address 10.0.2.2 (the stack's Smee is given the same).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const consoleUrl = `http://127.0.0.1:${realStackConsolePort}`;
  const stack = (command: "start" | "stop") =>
    execFileSync("bash", ["scripts/real-stack.sh", command, realStackDir], {
      env: { ...process.env, FOUNDRY_CONSOLE_URL: consoleUrl, REAL_STACK_PUBLIC_IP: qemuHost },
      stdio: "inherit",
    });
  stack("stop");
  rmSync(realStackDir, { recursive: true, force: true });
  stack("start");
  const settings = readEnvFile(path.join(realStackDir, "env"));
  const publicUrl = `http://${qemuHost}:${realStackConsolePort}`;
  const foundry = await startConsoleServer(realStackConsolePort, {
    ...settings,
    FOUNDRY_PUBLIC_URL: publicUrl,
  }).catch((error: unknown) => {
    stack("stop");
    throw error;
  });
  // The up.sh demo (the sandbox cluster), which must pass the same console-facing scenarios.
  const sandbox = await startConsoleServer(sandboxConsolePort, {
    FOUNDRY_SANDBOX: "auto",
    FOUNDRY_SANDBOX_PORT: String(sandboxClusterPort),
    FOUNDRY_SANDBOX_STEP_MS: "400",
  }).catch(async (error: unknown) => {
    await foundry.stop();
    stack("stop");
    throw error;
  });
  return async () => {
    await sandbox.stop();
    await foundry.stop();
    stack("stop");
  };
}
