import os from "node:os";
import path from "node:path";

/** Where the browser tests' real stack and its console live for one run. */
export const realStackConsolePort = Number(process.env.REAL_STACK_CONSOLE_PORT ?? 3128);
export const realStackDir =
  process.env.REAL_STACK_DIR ??
  path.join(os.tmpdir(), `foundry-real-stack-${realStackConsolePort}`);
/** This host as a QEMU guest on the user network reaches it. */
export const qemuHost = "10.0.2.2";
/** The sandbox console the same run holds to the real stack (e2e/real-stack/parity.real.ts). */
export const sandboxConsolePort = realStackConsolePort + 10;
export const sandboxClusterPort = realStackConsolePort + 20;
