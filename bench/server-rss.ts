import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { buildBareNext } from "./bare-next";
import { rssMegabytes, startStandalone, type StandaloneProcess } from "./standalone-process";

const requests = 2_000;
const concurrency = 8;

/** Local mode's one click, in Debian's Chromium; returns the session cookie for plain fetches. */
export async function signInLocalAdmin(base: string): Promise<string> {
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

async function overviewRequests(
  server: StandaloneProcess,
  headers: Record<string, string>,
): Promise<Measurement> {
  const atStart = rssMegabytes(server.pid);
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        const response = await fetch(`${server.base}/`, { headers, redirect: "manual" });
        await response.arrayBuffer();
        if (response.status !== 200) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { atStart, after: rssMegabytes(server.pid), perSecond: requests / seconds, failures };
}

async function measureBare(port: number): Promise<Measurement> {
  const entry = buildBareNext();
  const server = await startStandalone({
    entry,
    cwd: path.dirname(entry),
    port,
    env: {},
    readyPath: "/",
  });
  try {
    return await overviewRequests(server, {});
  } finally {
    server.stop();
  }
}

async function measureConsole(
  port: number,
  settings: Record<string, string>,
): Promise<Measurement> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "foundry-bench-rss-"));
  const server = await startStandalone({
    entry: "scripts/start-standalone.mjs",
    port,
    env: { ...settings, FOUNDRY_DATA_DIR: dataDir },
    readyPath: "/api/health",
  });
  try {
    const cookie = await signInLocalAdmin(server.base);
    return await overviewRequests(server, { cookie });
  } finally {
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(title: string, result: Measurement, bare?: Measurement): void {
  const beside = (figure: number, reference: number | undefined) =>
    reference === undefined ? "" : ` (${(figure / reference).toFixed(2)}× the bare page's)`;
  console.log(title);
  console.log(
    `  at start:                 ${result.atStart.toFixed(1)} MB${beside(result.atStart, bare?.atStart)}`,
  );
  console.log(
    `  after ${requests} overview requests: ${result.after.toFixed(1)} MB${beside(result.after, bare?.after)}`,
  );
  console.log(
    `  requests/s: ${result.perSecond.toFixed(0)}${beside(result.perSecond, bare?.perSecond)}, not 200 (e.g. sent to sign-in): ${result.failures}`,
  );
}

/**
 * RSS of the standalone server at start and after 2,000 requests to the overview page, beside a
 * bare Next.js page built and measured in the same run: with the embedded defaults (no cluster),
 * then with the sandbox cluster watched, as in production.
 */
export async function runServerRssBench(): Promise<void> {
  const port = Number(process.env.BENCH_RSS_PORT ?? 3390);
  const heading = "standalone server RSS, --max-old-space-size=160";
  const bare = await measureBare(port + 2);
  report(`${heading}, a bare Next.js page (the reference)`, bare);
  console.log(
    "  targets for the console: RSS after ≤ 1.15× the bare page's, requests/s ≥ 0.5× its",
  );
  report(
    `${heading}, console, embedded defaults, no cluster`,
    await measureConsole(port, {}),
    bare,
  );
  report(
    `${heading}, console, FOUNDRY_SANDBOX=auto (a cluster watched)`,
    await measureConsole(port + 1, { FOUNDRY_SANDBOX: "auto" }),
    bare,
  );
}
