import { createHash, createHmac, randomBytes } from "node:crypto";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { liveEventName, type LiveSignal } from "../components/live/live-signal";
import { startConsoleServer, type ConsoleServer } from "./console-server";
import { e2eFluxSecret } from "./sandbox/e2e-settings";
import { startRoundRobinProxy, type RoundRobinProxy } from "./support/round-robin-proxy";

/*
 * Two console processes on one real PostgreSQL database, behind a round-robin proxy on loopback,
 * as two pods behind the console's Service. The browser only ever opens the proxy's address.
 */
const postgresUrl = process.env.TEST_POSTGRES_URL;
const runCommand = "bash scripts/with-postgres.sh npx playwright test e2e/replicas.spec.ts";

test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });
test.skip(postgresUrl === undefined && !process.env.CI, `needs TEST_POSTGRES_URL: ${runCommand}`);

const portA = Number(process.env.E2E_REPLICA_A_PORT ?? 3141);
const portB = Number(process.env.E2E_REPLICA_B_PORT ?? 3142);
const databaseName = `foundry_replicas_${randomBytes(4).toString("hex")}`;
let proxy: RoundRobinProxy;
let a: ConsoleServer;
let b: ConsoleServer;

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (postgresUrl === undefined) {
    throw new Error(
      `CI is set but TEST_POSTGRES_URL is not: the replica tests must run (${runCommand})`,
    );
  }
  await admin((client) => client.query(`CREATE DATABASE "${databaseName}"`));
  const databaseUrl = new URL(postgresUrl);
  databaseUrl.pathname = `/${databaseName}`;
  proxy = await startRoundRobinProxy([`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`]);
  const shared = {
    DATABASE_URL: databaseUrl.toString(),
    AUTH_SECRET: "e2e-replicas-auth-secret-at-least-32-chars",
    AUTH_URL: proxy.url,
    FLUX_WEBHOOK_SECRET: e2eFluxSecret,
    // Baked into the media's script; nothing here boots them.
    FOUNDRY_SMEE_URL: "http://127.0.0.1:7171",
  };
  // A seeds the console's own repository as a first start does; B pushes to the same one, as
  // two pods push to one fork.
  a = await startConsoleServer(portA, shared);
  b = await startConsoleServer(portB, {
    ...shared,
    FOUNDRY_GIT_URL: path.join(a.dataDir, "gitops.git"),
  });
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  // The proxy first: its open live streams would keep the consoles from stopping.
  await proxy?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  if (postgresUrl !== undefined) {
    await admin((client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`));
  }
});

async function signIn(page: Page): Promise<void> {
  await page.goto(`${proxy.url}/servers`);
  await page.getByRole("button", { name: "Sign in as Local admin" }).click();
  await expect(page.getByTestId("signed-in-actor")).toContainText("admin");
}

/** Opens a page through the proxy and records every live signal it gets, and whether it reloads. */
async function watching(page: Page, pagePath: string): Promise<void> {
  await page.goto(`${proxy.url}${pagePath}`);
  await expect(page.locator("html")).toHaveAttribute("data-live", "connected");
  await page.evaluate((eventName) => {
    const signals: LiveSignal[] = [];
    window.addEventListener(eventName, (event) => {
      if (event instanceof CustomEvent) signals.push(event.detail as LiveSignal);
    });
    Object.assign(window, { foundrySignals: signals, foundryNotReloaded: true });
  }, liveEventName);
}

const recorded = (page: Page) =>
  page.evaluate(() => {
    const seen = window as Window & { foundrySignals?: LiveSignal[]; foundryNotReloaded?: boolean };
    return { signals: seen.foundrySignals ?? [], notReloaded: seen.foundryNotReloaded === true };
  });

async function fluxEventTo(target: ConsoleServer, message: string): Promise<void> {
  const body = JSON.stringify({
    involvedObject: {
      kind: "Kustomization",
      namespace: "flux-system",
      name: "apps",
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
    },
    severity: "info",
    timestamp: new Date().toISOString(),
    message,
    reason: "ReconciliationSucceeded",
    metadata: { revision: `main@sha1:${"d".repeat(40)}` },
    reportingController: "kustomize-controller",
  });
  const response = await fetch(`${target.url}/api/webhooks/flux`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Signature": `sha256=${createHmac("sha256", e2eFluxSecret).update(body).digest("hex")}`,
    },
  });
  expect(response.status).toBe(202);
}

test("a browser streaming from one replica sees a Flux event and a commit made on the other, without reload", async ({
  page,
  browser,
}) => {
  proxy.streamTo = a.url;
  await signIn(page);
  await watching(page, "/gitops");

  await fluxEventTo(b, "reconciled on replica B's watch");
  await expect(
    page.getByTestId("flux-events").getByText("reconciled on replica B's watch"),
  ).toBeVisible({ timeout: 5_000 });

  const servers = await browser.newPage({ storageState: await page.context().storageState() });
  await watching(servers, "/servers");
  const registered = await servers.request.post(`${b.url}/api/servers`, {
    headers: { Origin: proxy.url },
    data: {
      name: "replica-node1",
      hostname: "replica-node1",
      arch: "x86_64",
      firmware: "uefi",
      installDisk: "/dev/sda",
      interfaces: [{ mode: "dhcp", mac: "02:00:5e:70:00:01" }],
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  await expect(servers.getByRole("link", { name: "replica-node1", exact: true })).toBeVisible({
    timeout: 5_000,
  });

  for (const watched of [page, servers]) {
    const seen = await recorded(watched);
    expect(seen.notReloaded).toBe(true);
    expect(seen.signals.filter((signal) => signal.everything)).toEqual([]);
  }
  await servers.close();
});

test("media made on one replica download, in ranges, from the other; revoking on the other stops them", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  const made = await page.request.post(`${a.url}/api/media/servers/replica-node1?format=iso`, {
    headers: { Origin: proxy.url },
    maxRedirects: 0,
  });
  expect(made.status(), await made.text()).toBe(303);
  const media = (await made.json()) as { downloadPath: string; size: number; sha256: string };

  const firstKiB = await page.request.get(`${b.url}${media.downloadPath}`, {
    headers: { Range: "bytes=0-1023" },
  });
  expect(firstKiB.status()).toBe(206);
  expect(firstKiB.headers()["content-range"]).toBe(`bytes 0-1023/${media.size}`);
  const whole = await page.request.get(`${b.url}${media.downloadPath}`);
  expect(whole.status()).toBe(200);
  const body = await whole.body();
  expect(createHash("sha256").update(body).digest("hex")).toBe(media.sha256);
  expect(body.subarray(0, 1024).equals(await firstKiB.body())).toBe(true);

  proxy.everythingTo = b.url;
  try {
    await page.goto(`${proxy.url}/boot-media`);
    await expect(page.locator("html")).toHaveAttribute("data-live", "connected");
    await page.getByRole("button", { name: "Revoke the token of replica-node1" }).first().click();
    await expect(
      page.getByRole("button", { name: "Revoke the token of replica-node1" }),
    ).toHaveCount(0);
  } finally {
    proxy.everythingTo = undefined;
  }
  const afterRevoke = await page.request.get(`${a.url}${media.downloadPath}`, {
    headers: { Range: "bytes=1024-2047" },
  });
  expect(afterRevoke.status()).toBe(404);
});

test("a rate limit of N holds at N across both replicas", async () => {
  // Enrolment allows 30 a minute from one address; the proxy sends them to A and B in turn.
  // Windows start on the minute: the burst must not straddle one.
  const leftOfMinute = 60_000 - (Date.now() % 60_000);
  if (leftOfMinute < 5_000) await new Promise((resolve) => setTimeout(resolve, leftOfMinute + 100));
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 36; attempt += 1) {
    statuses.push((await fetch(`${proxy.url}/api/enroll/replica-node1/token`)).status);
  }
  expect(statuses.filter((status) => status !== 429)).toHaveLength(30);
  expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429, 429]);
});

test("when the replica streaming to a browser dies, the browser resumes on the other with no gap and no full refetch", async ({
  page,
}) => {
  proxy.streamTo = b.url;
  await signIn(page);
  await watching(page, "/gitops");
  await fluxEventTo(a, "before B died");
  await expect(page.getByTestId("flux-events").getByText("before B died")).toBeVisible();

  await b.kill();
  await expect(page.locator("html")).toHaveAttribute("data-live", "reconnecting");
  // Published while the browser has no stream at all: only a resume from the table can bring it.
  await fluxEventTo(a, "while the browser was reconnecting");
  await expect(page.locator("html")).toHaveAttribute("data-live", "connected", {
    timeout: 10_000,
  });
  await expect(
    page.getByTestId("flux-events").getByText("while the browser was reconnecting"),
  ).toBeVisible({ timeout: 5_000 });

  const seen = await recorded(page);
  expect(seen.notReloaded).toBe(true);
  expect(seen.signals.filter((signal) => signal.everything)).toEqual([]);
  expect(
    seen.signals.filter((signal) => signal.keys.includes("events")).length,
  ).toBeGreaterThanOrEqual(2);
});
