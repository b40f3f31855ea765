import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { startConsoleServer, type ConsoleServer } from "./console-server";
import { startGithubOAuthDouble, type GithubOAuthDouble } from "./doubles/github-oauth";

const clientId = "Iv1.e2e-client";
const clientSecret = "e2e-client-secret";
const recheckSeconds = 2;

let github: GithubOAuthDouble;
let foundry: ConsoleServer;

test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  github = await startGithubOAuthDouble({
    clientId,
    clientSecret,
    people: [
      {
        id: 1,
        login: "octo-admin",
        name: "Octo Admin",
        email: "admin@example.com",
        orgs: [],
        teams: [],
      },
      {
        id: 2,
        login: "mona",
        name: "Mona Member",
        email: "mona@example.com",
        orgs: ["acme"],
        teams: ["acme/platform"],
      },
      {
        id: 3,
        login: "outsider",
        name: "Out Sider",
        email: "out@example.com",
        orgs: ["acme"],
        teams: [],
      },
      {
        id: 4,
        login: "sre-sam",
        name: "Sam",
        email: "sam@example.com",
        orgs: ["acme"],
        teams: ["acme/sre"],
      },
    ],
  });
  foundry = await startConsoleServer(Number(process.env.E2E_OAUTH_PORT ?? 3108), {
    GITHUB_CLIENT_ID: clientId,
    GITHUB_CLIENT_SECRET: clientSecret,
    AUTH_SECRET: "e2e-auth-secret-that-is-at-least-32-chars",
    GITHUB_URL: github.url,
    GITHUB_API_URL: github.apiUrl,
    FOUNDRY_ADMINS: "octo-admin",
    FOUNDRY_OPERATORS: "acme/sre",
    FOUNDRY_ALLOWED: "acme/platform",
    FOUNDRY_ACCESS_RECHECK_SECONDS: String(recheckSeconds),
  });
});

test.afterAll(async () => {
  await foundry?.stop();
  await github?.close();
});

function database(): Database.Database {
  return new Database(path.join(foundry.dataDir, "foundry.db"), { readonly: true });
}

function rowsFor(login: string): { users: number; sessions: number; accounts: number } {
  const db = database();
  try {
    const count = (sql: string) => (db.prepare(sql).get(login) as { n: number }).n;
    return {
      users: count(`SELECT COUNT(*) AS n FROM "User" WHERE login = ?`),
      sessions: count(
        `SELECT COUNT(*) AS n FROM "Session" s JOIN "User" u ON u.id = s.userId WHERE u.login = ?`,
      ),
      accounts: count(
        `SELECT COUNT(*) AS n FROM "Account" a JOIN "User" u ON u.id = a.userId WHERE u.login = ?`,
      ),
    };
  } finally {
    db.close();
  }
}

function auditActions(login: string): string[] {
  const db = database();
  try {
    const rows = db
      .prepare(
        `SELECT action, status, error FROM "AuditEntry" WHERE actorLogin = ? ORDER BY createdAt`,
      )
      .all(login) as { action: string; status: string; error: string | null }[];
    return rows.map((row) => `${row.action} ${row.status}${row.error ? ` (${row.error})` : ""}`);
  } finally {
    db.close();
  }
}

async function signInWithGithub(page: Page, login: string, startAt = "/servers"): Promise<void> {
  await page.goto(`${foundry.url}${startAt}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.getByRole("link", { name: `Continue as ${login}` }).click();
}

test("an admin on the list signs in with GitHub and lands where they were going", async ({
  page,
}) => {
  await signInWithGithub(page, "octo-admin");
  await expect(page).toHaveURL(`${foundry.url}/servers`);
  await expect(page.getByTestId("signed-in-actor")).toContainText("Octo Admin");
  await expect(page.getByTestId("signed-in-actor")).toContainText("admin");
  await expect(page.getByText("Local mode")).toHaveCount(0);
  expect(github.requestedScopes.at(-1)).toBe("read:user user:email read:org");

  const cookies = await page.context().cookies(foundry.url);
  const session = cookies.find((cookie) => cookie.name === "foundry.session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(auditActions("octo-admin")).toContain("auth.sign-in.github succeeded");

  await page.goto(`${foundry.url}/access`);
  await expect(page.getByRole("button", { name: "Recheck access now" })).toBeVisible();
});

test("a member of an allowed team signs in as a viewer and sees no admin buttons", async ({
  page,
}) => {
  await signInWithGithub(page, "mona", "/access");
  await expect(page).toHaveURL(`${foundry.url}/access`);
  await expect(page.getByTestId("signed-in-actor")).toContainText("viewer");
  await expect(page.getByRole("heading", { level: 1, name: "Access" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Recheck access now" })).toHaveCount(0);
  expect(rowsFor("mona")).toEqual({ users: 1, sessions: 1, accounts: 1 });
});

test("an outsider is refused, told why, and nothing about them is kept", async ({ page }) => {
  await signInWithGithub(page, "outsider");
  await expect(page).toHaveURL(/\/not-allowed\?reason=not-on-list/);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText("outsider may not use this console")).toBeVisible();

  const cookies = await page.context().cookies(foundry.url);
  expect(cookies.filter((cookie) => cookie.name.includes("foundry.session"))).toEqual([]);
  await page.goto(`${foundry.url}/servers`);
  await expect(page).toHaveURL(/\/sign-in/);
  const api = await page.request.get(`${foundry.url}/api/auth/session`);
  expect(await api.json()).toEqual({});

  expect(rowsFor("outsider")).toEqual({ users: 0, sessions: 0, accounts: 0 });
  expect(auditActions("outsider")).toEqual(["auth.sign-in refused (not-on-list)"]);
});

test("a member removed from the team loses access at the next check", async ({ page }) => {
  await signInWithGithub(page, "mona");
  await expect(page.getByTestId("signed-in-actor")).toContainText("viewer");

  github.person("mona").teams = [];
  await page.waitForTimeout(recheckSeconds * 1000 + 500);
  await page.reload();
  await expect(page).toHaveURL(/\/not-allowed\?reason=not-on-list/);
  expect(rowsFor("mona").sessions).toBe(0);
  expect(auditActions("mona")).toContain("auth.access-lost refused (not-on-list)");

  await page.goto(`${foundry.url}/servers`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a role change at the next check is applied and audited", async ({ page }) => {
  await signInWithGithub(page, "sre-sam");
  await expect(page.getByTestId("signed-in-actor")).toContainText("operator");

  github.person("sre-sam").teams = ["acme/platform"];
  await page.waitForTimeout(recheckSeconds * 1000 + 500);
  await page.reload();
  await expect(page.getByTestId("signed-in-actor")).toContainText("viewer");
  expect(auditActions("sre-sam")).toContain("auth.role-changed succeeded");
});

test("an admin's recheck removes someone whose GitHub token was revoked", async ({
  page,
  browser,
}) => {
  const sam = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await signInWithGithub(await sam.newPage(), "sre-sam");
  github.revokeTokens("sre-sam");

  await signInWithGithub(page, "octo-admin", "/access");
  await page.getByRole("button", { name: "Recheck access now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Checked" })).toContainText(
    "access removed for sre-sam",
  );
  expect(rowsFor("sre-sam").sessions).toBe(0);
  await sam.close();
});
