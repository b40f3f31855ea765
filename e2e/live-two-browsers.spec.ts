import { expect, test, type Page } from "@playwright/test";
import { localAdminStorageState } from "./local-admin-state";

/*
 * Two people with the console open: one registers a server; the other's Servers and Activity
 * pages show it, without a reload (a marker on each window survives only if nothing reloaded).
 */
async function watching(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("data-live", "connected");
  await page.evaluate(() => Object.assign(window, { foundryNotReloaded: true }));
}

const stillTheSamePage = (page: Page) =>
  page.evaluate(() => (window as Window & { foundryNotReloaded?: boolean }).foundryNotReloaded);

test("a server registered in one browser shows on another's Servers and Activity pages without a reload", async ({
  browser,
  page,
}) => {
  const other = await browser.newContext({ storageState: localAdminStorageState });
  const servers = await other.newPage();
  const activity = await other.newPage();
  await watching(servers, "/servers");
  await watching(activity, "/activity");
  const name = `live-${Date.now().toString(36)}`;
  await expect(servers.getByText(name)).toHaveCount(0);

  await page.goto("/servers/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("MAC (interface 1)").fill("02:00:5e:30:00:01");
  await page.getByRole("button", { name: "Preview the commit" }).click();
  await page.getByRole("button", { name: "Commit" }).click();
  await expect(page.getByTestId("commit-sha")).toHaveText(/^[0-9a-f]{12}$/);

  await expect(servers.getByRole("link", { name, exact: true })).toBeVisible({ timeout: 5_000 });
  await expect(activity.getByText(name).first()).toBeVisible({ timeout: 5_000 });
  expect(await stillTheSamePage(servers)).toBe(true);
  expect(await stillTheSamePage(activity)).toBe(true);
  await other.close();
});
