import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/chromium";

const requests = 2_000;
const concurrency = 8;

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match?.[1] ? Number(match[1]) / 1024 : Number.NaN;
}

async function waitForHealth(url: string, deadline: number, exited: () => boolean): Promise<void> {
  while (Date.now() < deadline && !exited()) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`the console did not answer ${url} in time`);
}

/** Local mode's one click, in Debian's Chromium; returns the session cookie for plain fetches. */
async function signInLocalAdmin(base: string): Promise<string> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.getByRole("button", { name: "Sign in as Local admin" }).click();
    await page.getByTestId("signed-in-actor").waitFor();
    const cookies = await page.context().cookies();
    return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

type Measurement = { atStart: number; after: number; perSecond: number; failures: number };

async function measure(port: number, settings: Record<string, string>): Promise<Measurement> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "foundry-bench-rss-"));
  // The same V8 heap bound the console's Deployment sets (manifests/apps/foundry-console).
  const server = spawn(
    process.execPath,
    ["--max-old-space-size=160", "scripts/start-standalone.mjs"],
    {
      env: {
        ...process.env,
        ...settings,
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        FOUNDRY_DATA_DIR: dataDir,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(`${base}/api/health`, Date.now() + 60_000, () => server.exitCode !== null);
    await sleep(1_000);
    const pid = server.pid ?? 0;
    const atStart = rssMegabytes(pid);
    const cookie = await signInLocalAdmin(base);
    let next = 0;
    let failures = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          next += 1;
          const response = await fetch(`${base}/`, { headers: { cookie }, redirect: "manual" });
          await response.arrayBuffer();
          if (response.status !== 200) failures += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { atStart, after: rssMegabytes(pid), perSecond: requests / seconds, failures };
  } finally {
    server.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(title: string, result: Measurement): void {
  console.log(title);
  console.log(`  at start:                 ${result.atStart.toFixed(1)} MB`);
  console.log(`  after ${requests} overview requests: ${result.after.toFixed(1)} MB`);
  console.log(
    `  requests/s: ${result.perSecond.toFixed(0)}, not 200 (e.g. sent to sign-in): ${result.failures}`,
  );
}

/**
 * RSS of the standalone server at start and after 2,000 requests to the overview page: with the
 * embedded defaults (no cluster), then with the sandbox cluster watched, as in production.
 */
export async function runServerRssBench(): Promise<void> {
  const port = Number(process.env.BENCH_RSS_PORT ?? 3390);
  const heading = "standalone server RSS, --max-old-space-size=160 (target ≤ 150 MB)";
  report(`${heading}, embedded defaults, no cluster`, await measure(port, {}));
  report(
    `${heading}, FOUNDRY_SANDBOX=auto (a cluster watched)`,
    await measure(port + 1, { FOUNDRY_SANDBOX: "auto" }),
  );
}
