// Starts the standalone server built by `npm run build`. The data dir and iPXE's folder stay at the
// project root (not inside .next, which every build replaces) unless their settings say otherwise.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const standalone = path.join(root, ".next", "standalone");
const server = path.join(standalone, "server.js");
if (!existsSync(server)) {
  console.error("The console is not built yet: run `npm run build` first.");
  process.exit(1);
}

process.env.FOUNDRY_DATA_DIR = path.resolve(root, process.env.FOUNDRY_DATA_DIR ?? "data");
// Likewise iPXE: scripts/fetch-ipxe.sh fills <root>/vendor/ipxe; the server runs in .next/standalone.
process.env.FOUNDRY_IPXE_DIR = path.resolve(root, process.env.FOUNDRY_IPXE_DIR ?? "vendor/ipxe");
process.env.PORT ??= "3000";
process.env.HOSTNAME ??= "127.0.0.1";
process.env.NODE_ENV = "production";

// FOUNDRY_SANDBOX=auto: with no cluster configured, start the sandbox cluster (e2e/sandbox) and
// point the console at it through an ordinary kubeconfig.
const sandboxMain = path.join(root, "e2e", "sandbox", "main.ts");
const noCluster = !process.env.KUBECONFIG && !process.env.KUBERNETES_SERVICE_HOST;
if (process.env.FOUNDRY_SANDBOX === "auto" && noCluster && existsSync(sandboxMain)) {
  process.env.FLUX_WEBHOOK_SECRET ??= randomBytes(24).toString("hex");
  const kubeconfig = path.join(process.env.FOUNDRY_DATA_DIR, "sandbox", "kubeconfig");
  rmSync(kubeconfig, { force: true });
  const sandbox = spawn(process.execPath, ["--import", "tsx", sandboxMain], {
    cwd: root,
    env: process.env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  process.on("exit", () => sandbox.kill("SIGTERM"));
  const deadline = Date.now() + 30_000;
  while (!existsSync(kubeconfig)) {
    if (sandbox.exitCode !== null || Date.now() > deadline) {
      console.error("The sandbox cluster did not start; the console starts without a cluster.");
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (existsSync(kubeconfig)) {
    process.env.KUBECONFIG = kubeconfig;
    // The sandbox answers Smee's script path too, so boot media made in the demo chain somewhere.
    const server = /server: (\S+)/.exec(readFileSync(kubeconfig, "utf8"))?.[1];
    if (server && !process.env.FOUNDRY_SMEE_URL) process.env.FOUNDRY_SMEE_URL = server;
  }
}

// Whatever sits in front (the Gateway's Envoy, a test's HTTP client) reuses idle connections:
// if the console closed them first, at Node's default of 5 s, a request sent on one as it closes
// gets a reset. The Dockerfile sets the same.
process.env.KEEP_ALIVE_TIMEOUT ??= "65000";
process.chdir(standalone);
await import(pathToFileURL(server).href);
