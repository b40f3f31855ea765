import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium } from "@playwright/test";
import { sandboxKubeconfig } from "../e2e/sandbox/kubeconfig";
import { startScaledCluster } from "./cluster-fixture";
import { fluxEventLatencies } from "./flux-event-latency";
import { percentile } from "./percentile";
import { rssMegabytes } from "./standalone-process";

const scale = 1_000;
const port = 3192;
const secret = "bench-flux-webhook-key-not-secret";

async function until<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function signIn(base: string): Promise<string> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByRole("button", { name: "Sign in as Local admin" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    const cookies = await page.context().cookies();
    return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

/** 1,000 Hardware, Workflows and Nodes: Servers page time, webhook → SSE latency, console RSS. */
export async function runClusterBench(): Promise<void> {
  const api = await startScaledCluster(scale);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "foundry-bench-cluster-"));
  const kubeconfig = path.join(dataDir, "kubeconfig");
  writeFileSync(kubeconfig, sandboxKubeconfig(api.url));
  const server = spawn(process.execPath, ["scripts/start-standalone.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      FOUNDRY_DATA_DIR: dataDir,
      KUBECONFIG: kubeconfig,
      FLUX_WEBHOOK_SECRET: secret,
      FOUNDRY_SANDBOX: "off",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await until(
      async () => ((await fetch(`${base}/api/health`)).ok ? true : undefined),
      "the console",
    );
    const cookie = await signIn(base);
    const headers = { cookie };
    await until(async () => {
      const nodes = (await (await fetch(`${base}/api/live/nodes`, { headers })).json()) as {
        nodes: unknown[];
      };
      return nodes.nodes.length >= scale ? true : undefined;
    }, "the watches to hold 1,000 nodes");

    const timePage = async (pathname: string, rounds: number) => {
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const started = performance.now();
        const response = await fetch(`${base}${pathname}`, { headers });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${pathname} answered ${response.status}`);
        times.push(performance.now() - started);
      }
      return times.slice(3);
    };
    const servers = await timePage("/servers", 40);
    const nodes = await timePage("/nodes", 40);

    const latencies = await fluxEventLatencies({
      sendTo: base,
      streamFrom: base,
      cookie,
      secret,
      count: 50,
    });
    const rss = rssMegabytes(server.pid ?? 0);

    const line = (label: string, values: number[]) =>
      console.log(
        `  ${label}: p50 ${percentile(values, 0.5).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms (n=${values.length})`,
      );
    console.log(
      `cluster at scale (${scale} Hardware, ${scale} Workflows, ${scale} Nodes, sandbox API over HTTP)`,
    );
    line("GET /servers (target p95 ≤ 200 ms)", servers);
    line("GET /nodes", nodes);
    line("Flux webhook received → event over SSE (target p95 ≤ 1 s)", latencies);
    console.log(`  console RSS with the view in memory: ${rss.toFixed(1)} MB`);
  } finally {
    server.kill("SIGTERM");
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
