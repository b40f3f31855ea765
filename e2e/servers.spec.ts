import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { startConsoleServer, type ConsoleServer } from "./console-server";
import { startGithubOAuthDouble, type GithubOAuthDouble } from "./doubles/github-oauth";

const execFileAsync = promisify(execFile);
let github: GithubOAuthDouble;
let foundry: ConsoleServer;

// Its own console with GitHub sign-in, so an operator and a viewer can be told apart.
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  github = await startGithubOAuthDouble({
    clientId: "Iv1.e2e-servers",
    clientSecret: "e2e-servers-secret",
    people: [
      {
        id: 11,
        login: "olga-op",
        name: "Olga Operator",
        email: "olga@example.com",
        orgs: ["acme"],
        teams: ["acme/sre"],
      },
      {
        id: 12,
        login: "vic-view",
        name: "Vic Viewer",
        email: "vic@example.com",
        orgs: ["acme"],
        teams: ["acme/platform"],
      },
    ],
  });
  foundry = await startConsoleServer(Number(process.env.E2E_SERVERS_PORT ?? 3109), {
    GITHUB_CLIENT_ID: "Iv1.e2e-servers",
    GITHUB_CLIENT_SECRET: "e2e-servers-secret",
    AUTH_SECRET: "e2e-servers-auth-secret-at-least-32-chars",
    GITHUB_URL: github.url,
    GITHUB_API_URL: github.apiUrl,
    FOUNDRY_OPERATORS: "acme/sre",
    FOUNDRY_ALLOWED: "acme/platform",
  });
});

test.afterAll(async () => {
  await foundry?.stop();
  await github?.close();
});

async function signIn(page: Page, login: string, role: string): Promise<void> {
  await page.goto(`${foundry.url}/servers`);
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.getByRole("link", { name: `Continue as ${login}` }).click();
  await expect(page.getByTestId("signed-in-actor")).toContainText(role);
}

async function repositoryFile(file: string): Promise<string> {
  const gitDir = path.join(foundry.dataDir, "gitops.git");
  return (await execFileAsync("git", ["--git-dir", gitDir, "show", `main:${file}`])).stdout;
}

test("an operator registers a server, provisions it with Ubuntu, and sees both commits", async ({
  page,
}) => {
  await signIn(page, "olga-op", "operator");
  await page.goto(`${foundry.url}/`);
  await expect(page.getByTestId("console-address-notice")).toContainText(
    `${foundry.url}, a loopback address`,
  );
  await page.goto(`${foundry.url}/servers`);
  await page.getByRole("link", { name: "Register a server" }).click();
  await page.getByLabel("Name", { exact: true }).fill("rack1-node3");
  await page.getByLabel("MAC (interface 1)").fill("AA-BB-CC-DD-EE-03");
  await page.getByLabel("Site", { exact: true }).fill("ams1");
  await page.getByLabel("Rack", { exact: true }).fill("rack1");
  await page.getByRole("button", { name: "Preview the commit" }).click();
  const diff = page.getByTestId("diff");
  await expect(diff).toContainText("+++ b/manifests/tinkerbell/hardware/rack1-node3.yaml");
  await expect(diff).toContainText("mac: aa:bb:cc:dd:ee:03");
  await page.getByRole("button", { name: "Commit" }).click();
  const sha = (await page.getByTestId("commit-sha").textContent())?.trim() ?? "";
  expect(sha).toMatch(/^[0-9a-f]{12}$/);
  expect(await repositoryFile("manifests/tinkerbell/hardware/rack1-node3.yaml")).toContain(
    "aa:bb:cc:dd:ee:03",
  );

  await page.goto(`${foundry.url}/servers?q=node3`);
  await page.getByRole("link", { name: "rack1-node3" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "rack1-node3" })).toBeVisible();
  await page.getByLabel("Operating system template").selectOption("ubuntu-2404");
  await page.getByRole("button", { name: "Preview: provision" }).click();
  await expect(page.getByTestId("diff")).toContainText(
    "+++ b/manifests/tinkerbell/workflows/rack1-node3-1.yaml",
  );
  await expect(page.getByText("erasing its install disk")).toBeVisible();
  // The console listens on loopback here, as from scripts/up.sh: servers could not call it.
  await expect(
    page.getByText(`Installed servers will call the console at ${foundry.url}, a loopback address`),
  ).toBeVisible();
  await page.getByRole("button", { name: "Provision rack1-node3" }).click();
  await expect(page.getByTestId("commit-sha")).toHaveText(/^[0-9a-f]{12}$/);
  const workflow = await repositoryFile("manifests/tinkerbell/workflows/rack1-node3-1.yaml");
  expect(workflow).toContain("templateRef: ubuntu-2404");
  expect(workflow).toContain("toggleAllowNetboot: true");

  await page.goto(`${foundry.url}/activity`);
  const rows = page.getByRole("row");
  await expect(
    rows.filter({ hasText: "provision-server" }).filter({ hasText: "olga-op" }),
  ).toHaveCount(1);
  await expect(
    rows.filter({ hasText: "register-server" }).filter({ hasText: sha.slice(0, 7) }),
  ).toHaveCount(1);
});

test("a refused field shows its message beside the field and commits nothing", async ({ page }) => {
  await signIn(page, "olga-op", "operator");
  await page.goto(`${foundry.url}/servers/new`);
  await page.getByLabel("Name", { exact: true }).fill("../etc");
  await page.getByLabel("MAC (interface 1)").fill("aa:bb:cc:dd:ee:03");
  await page.getByRole("button", { name: "Preview the commit" }).click();
  await expect(page.getByTestId("name-error")).toContainText("lowercase letters");
  // A screen reader hears the message with the field, and that the field is invalid.
  const name = page.getByLabel("Name", { exact: true });
  await expect(name).toHaveAttribute("aria-invalid", "true");
  // The field stops where the name's rule would refuse it.
  await expect(name).toHaveAttribute("maxlength", "53");
  await expect(name).toHaveAccessibleDescription(/lowercase letters/);
  await expect(page.getByLabel("Hostname", { exact: true })).not.toHaveAttribute(
    "aria-invalid",
    "true",
  );
  // The blank hostname is the name's: its fault is said once, under the name.
  await expect(page.getByTestId("hostname-error")).toHaveCount(0);
  // Summarised above the form in the field's own words, with a way to it.
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText("1 field needs attention");
  await expect(summary.getByRole("link", { name: "Name" })).toHaveAttribute("href", "#name");
  await page.getByLabel("Name", { exact: true }).fill("rack1-node9");
  await page.getByRole("button", { name: "Preview the commit" }).click();
  await expect(page.getByTestId("mac-0-error")).toContainText("already registered to rack1-node3");

  const response = await page.request.post(`${foundry.url}/api/servers`, {
    data: { name: "../etc", interfaces: [{ mode: "dhcp", mac: "02:00:00:00:00:09" }] },
    headers: { origin: foundry.url },
  });
  expect(response.status()).toBe(400);
  const body = (await response.json()) as { fields?: Record<string, string[]> };
  expect(body.fields?.name?.join()).toContain("lowercase letters");
  const duplicate = await page.request.post(`${foundry.url}/api/servers`, {
    data: {
      name: "rack1-node9",
      hostname: "rack1-node9",
      arch: "x86_64",
      firmware: "uefi",
      installDisk: "/dev/sda",
      interfaces: [{ mode: "dhcp", mac: "aa:bb:cc:dd:ee:03" }],
    },
    headers: { origin: foundry.url },
  });
  expect(duplicate.status()).toBe(409);
  expect(
    ((await duplicate.json()) as { fields?: Record<string, string[]> }).fields?.[
      "interfaces.0.mac"
    ],
  ).toBeTruthy();
});

test("a viewer sees the servers but no operator buttons or forms, and the API refuses them", async ({
  page,
}) => {
  await signIn(page, "vic-view", "viewer");
  await expect(page.getByRole("link", { name: "rack1-node3" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Register a server" })).toHaveCount(0);
  await page.getByRole("link", { name: "rack1-node3" }).click();
  await expect(page.getByRole("region", { name: "Operator actions" })).toHaveCount(0);
  await page.goto(`${foundry.url}/servers/new`);
  await expect(page.getByText("Changing servers needs the operator role")).toBeVisible();
  await expect(page.getByRole("button", { name: "Preview the commit" })).toHaveCount(0);
  const refused = await page.request.post(`${foundry.url}/api/servers`, {
    data: { name: "sneaky", interfaces: [{ mode: "dhcp", mac: "02:00:00:00:00:10" }] },
    headers: { origin: foundry.url },
  });
  expect(refused.status()).toBe(403);
});
