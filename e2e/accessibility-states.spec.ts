import { expect, test, type Page } from "@playwright/test";
import { navItems } from "../components/shell/nav-items";
import { expectNoAxeViolations } from "./support/axe";

// axe on what a person reaches by acting, not only on each page as it first loads: errors,
// previews, results, a made medium, a refused CSV row, a decommission, the phone menu.
test.describe.configure({ mode: "serial" });

const server = { name: "axe-node1", mac: "02:00:5e:60:00:01" };

async function hydrated(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("data-live", "connected");
}

test("register: the error summary, the preview, the commit and a refused duplicate", async ({
  page,
}) => {
  await page.goto("/servers/new");
  await hydrated(page);
  await page.getByRole("button", { name: "Preview the commit" }).click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await expectNoAxeViolations(page, "the register form with every error shown");

  await page.getByLabel("Name", { exact: true }).fill(server.name);
  await page.getByLabel("MAC (interface 1)").fill(server.mac);
  await page.getByRole("button", { name: "Preview the commit" }).click();
  await expect(page.getByRole("region", { name: "Preview" })).toBeVisible();
  await expectNoAxeViolations(page, "the register preview");

  await page.getByRole("button", { name: "Commit" }).click();
  await expect(page.getByTestId("commit-sha")).toHaveText(/^[0-9a-f]{12}$/);
  await expectNoAxeViolations(page, "the register result");

  await page.goto("/servers/new");
  await hydrated(page);
  await page.getByLabel("Name", { exact: true }).fill(server.name);
  await page.getByLabel("MAC (interface 1)").fill("02:00:5e:60:00:02");
  await page.getByRole("button", { name: "Preview the commit" }).click();
  await expect(page.getByTestId("error-summary")).toContainText(
    `a server named ${server.name} is already registered`,
  );
  await expectNoAxeViolations(page, "a register refused for a name already taken");
});

test("provision: the preview, the result and the server's timeline", async ({ page }) => {
  await page.goto(`/servers/${server.name}`);
  await hydrated(page);
  await page.getByLabel("Operating system template").selectOption("ubuntu-2404");
  await page.getByRole("button", { name: "Preview: provision" }).click();
  await expect(page.getByRole("button", { name: `Provision ${server.name}` })).toBeVisible();
  await expectNoAxeViolations(page, "the provision preview");

  await page.getByRole("button", { name: `Provision ${server.name}` }).click();
  await expect(page.getByTestId("commit-sha")).toHaveText(/^[0-9a-f]{12}$/);
  await expectNoAxeViolations(page, "the provision result");

  await page.reload();
  await expect(page.locator('[data-testid="timeline"] [data-step="applied"]')).toBeVisible();
  await expectNoAxeViolations(page, "a provisioned server's page");
  const files = page.locator("details > summary");
  for (const summary of await files.all()) await summary.click();
  await expect(page.getByTestId("workflow-file")).toBeVisible();
  await expectNoAxeViolations(page, "a provisioned server's Hardware and Workflow files open");
});

test("activity: a request's own timeline", async ({ page }) => {
  await page.goto("/activity");
  await page.getByRole("link", { name: "provision-server" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/activity\/[^/]+$/);
  await expectNoAxeViolations(page, "a request's timeline on Activity");
});

test("boot media: per-server media made, with their token listed", async ({ page }) => {
  await page.goto("/boot-media");
  await hydrated(page);
  await page.getByRole("combobox", { name: "Server", exact: true }).selectOption(server.name);
  await page.getByRole("button", { name: "Make per-server media" }).click();
  await expect(
    page.getByRole("link", { name: `Download foundry-${server.name}-x86_64.iso` }),
  ).toBeVisible();
  await expectNoAxeViolations(page, "per-server media made");
});

test("bulk: a preview with a refused row, then the report of what was added", async ({ page }) => {
  await page.goto("/servers/bulk");
  await hydrated(page);
  await page
    .getByLabel("CSV", { exact: true })
    .fill(`name,mac\naxe-bulk1,02:00:5e:60:00:11\n${server.name},02:00:5e:60:00:12\n`);
  await page.getByRole("button", { name: "Preview the commit" }).click();
  await expect(page.getByRole("table", { name: "Rows that were not registered" })).toBeVisible();
  await expectNoAxeViolations(page, "a bulk preview with a refused row");

  await page.getByRole("button", { name: "Commit" }).click();
  await expect(page.getByTestId("commit-sha")).toHaveText(/^[0-9a-f]{12}$/);
  await expectNoAxeViolations(page, "a bulk result with a refused row");
});

test("decommission: the typed confirmation and the page left behind", async ({ page }) => {
  await page.goto(`/servers/${server.name}`);
  await hydrated(page);
  await page.getByRole("button", { name: "Preview: decommission" }).click();
  await page.getByLabel(`Type ${server.name} to confirm`).fill(server.name);
  await expectNoAxeViolations(page, "the decommission confirmation");

  await page.getByRole("button", { name: `Decommission ${server.name}` }).click();
  await expect(page.getByText("Decommissioned by")).toBeVisible();
  await expectNoAxeViolations(page, "a decommissioned server's page");
});

test("on a phone: every page, and the menu open", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const item of navItems) {
    await page.goto(item.href);
    await expect(page.getByRole("heading", { level: 1, name: item.label })).toBeVisible();
    await expectNoAxeViolations(page, `${item.href} at 390 px`);
  }
  await hydrated(page);
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("navigation", { name: "Console" })).toBeVisible();
  await expectNoAxeViolations(page, "the phone menu open");
});
