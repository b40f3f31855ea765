import { execFile } from "node:child_process";
import { createHash, createHmac, randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
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
const execFileAsync = promisify(execFile);
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
let startB: () => Promise<ConsoleServer>;

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
  startB = () =>
    startConsoleServer(portB, { ...shared, FOUNDRY_GIT_URL: path.join(a.dataDir, "gitops.git") });
  b = await startB();
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

const refusals: string[] = [];

type AuditRow = { requestId: string; target: string; status: string; commitSha: string | null };

const auditRows = (targetPrefix: string) =>
  databaseQuery<AuditRow>(
    `SELECT "requestId", "target", "status", "commitSha" FROM "AuditEntry" WHERE "action" = 'register-server' AND "target" LIKE $1`,
    [`${targetPrefix}%`],
  );

async function databaseQuery<T>(text: string, values: unknown[]): Promise<T[]> {
  const url = new URL(postgresUrl ?? "");
  url.pathname = `/${databaseName}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Request id → commit, for every commit on main whose subject registers one of these servers. */
async function commitsOf(targetPrefix: string): Promise<Map<string, string>> {
  const { stdout } = await execFileAsync("git", [
    "--git-dir",
    path.join(a.dataDir, "gitops.git"),
    "log",
    "main",
    "--format=%H%x1f%(trailers:key=Foundry-Request,valueonly)%x1f%s%x1e",
  ]);
  const commits = new Map<string, string>();
  for (const record of stdout.split("\x1e")) {
    const [sha, requestId, subject] = record.trim().split("\x1f");
    if (sha && requestId && subject?.includes(`register ${targetPrefix}`)) {
      expect(commits.has(requestId.trim()), `one commit per request: ${requestId}`).toBe(false);
      commits.set(requestId.trim(), sha);
    }
  }
  return commits;
}

async function registerMany(
  page: Page,
  names: string[],
  atOnce: number,
  macPrefix: string,
): Promise<Map<string, number>> {
  const statuses = new Map<string, number>();
  const queue = [...names];
  await Promise.all(
    Array.from({ length: atOnce }, async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        const index = names.indexOf(name);
        const answer = await page.request
          .post(`${proxy.url}/api/servers`, {
            headers: { Origin: proxy.url },
            data: {
              name,
              hostname: name,
              arch: "x86_64",
              firmware: "uefi",
              installDisk: "/dev/sda",
              interfaces: [
                {
                  mode: "dhcp",
                  mac: `${macPrefix}:${(index % 256).toString(16).padStart(2, "0")}`,
                },
              ],
            },
          })
          .then(
            async (response) => {
              if (response.status() !== 201) refusals.push(`${name}: ${await response.text()}`);
              return response.status();
            },
            () => 0,
          );
        statuses.set(name, answer);
      }
    }),
  );
  return statuses;
}

test("50 writes over both replicas are 50 commits and 50 audit rows; a replica killed mid-burst leaves rows the other settles once", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  const burst = Array.from({ length: 50 }, (_, index) => `burst-${index}`);
  const answered = await registerMany(page, burst, 4, "02:00:5e:81:00");
  expect(
    [...answered.values()].filter((status) => status === 201),
    refusals.join("\n"),
  ).toHaveLength(50);
  const rows = await auditRows("burst-");
  expect(rows.filter((row) => row.status === "succeeded")).toHaveLength(50);
  const commits = await commitsOf("burst-");
  expect(commits.size).toBe(50);
  for (const row of rows) expect(commits.get(row.requestId)).toBe(row.commitSha);

  // Every write of the next burst goes to B, which dies holding some: their rows are pending,
  // and only A is left to settle them.
  const doomed = Array.from({ length: 24 }, (_, index) => `doomed-${index}`);
  proxy.everythingTo = b.url;
  const sending = registerMany(page, doomed, 6, "02:00:5e:82:00");
  await expect
    .poll(
      async () =>
        (
          await databaseQuery<{ pending: number }>(
            `SELECT count(*)::int AS "pending" FROM "AuditEntry" WHERE "status" = 'pending' AND "target" LIKE 'doomed-%'`,
            [],
          )
        )[0]?.pending ?? 0,
      { timeout: 30_000, intervals: [20] },
    )
    .toBeGreaterThan(0);
  await b.kill();
  const statuses = await sending;
  proxy.everythingTo = undefined;

  // A settles what B left within its sweep: nothing stays pending.
  await expect
    .poll(async () => (await auditRows("doomed-")).filter((row) => row.status === "pending"), {
      timeout: 60_000,
    })
    .toEqual([]);
  const settled = await auditRows("doomed-");
  const landed = await commitsOf("doomed-");
  for (const row of settled) {
    // Settled once, to what Git says: a row succeeded exactly when its commit is on main.
    expect(row.status, row.target).toBe(landed.has(row.requestId) ? "succeeded" : "failed");
    if (row.status === "succeeded") expect(row.commitSha).toBe(landed.get(row.requestId));
  }
  expect(settled.filter((row) => row.status === "succeeded")).toHaveLength(landed.size);
  // The rows B never answered for were settled by A.
  const unanswered = settled.filter((row) => statuses.get(row.target) !== 201);
  expect(unanswered.length).toBeGreaterThan(0);
  for (const [name, status] of statuses) {
    if (status === 201) {
      expect(settled.find((row) => row.target === name)?.status, name).toBe("succeeded");
    }
  }
  b = await startB();
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
