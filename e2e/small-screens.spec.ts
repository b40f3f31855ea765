import { expect, test } from "@playwright/test";
// The sidebar's own list, so a page added to it is checked on a phone the day it is added.
import { navItems } from "../components/shell/nav-items";

test.use({ viewport: { width: 390, height: 844 } });

test("on a phone every page fits the screen and the menu reaches each of them", async ({
  page,
}) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Console" });
  await expect(nav).toBeHidden();
  for (const item of navItems) {
    await page.getByRole("button", { name: "Menu" }).click();
    await nav.getByRole("link", { name: item.label, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: item.label })).toBeVisible();
    // The menu closes on arrival, and the page itself never scrolls sideways (tables may).
    await expect(nav).toBeHidden();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${item.href} is ${width} px wide`).toBeLessThanOrEqual(390);
  }
});

test("the first Tab stop skips to the page's content, and focus lands there", async ({ page }) => {
  await page.goto("/servers");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test("registering by keyboard: focus lands on the preview, then on the commit", async ({
  page,
}) => {
  await page.goto("/servers/new");
  // Typed before the form hydrates, the letters would be lost as React takes the fields over.
  await expect(page.locator("html")).toHaveAttribute("data-live", "connected");
  await page.getByLabel("Name", { exact: true }).focus();
  await page.keyboard.type("keys-node1");
  await page.getByLabel("MAC (interface 1)").focus();
  await page.keyboard.type("02:00:5e:40:00:01");
  await page.getByRole("button", { name: "Preview the commit" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Preview" })).toBeFocused();
  await page.getByRole("button", { name: "Commit" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("commit-result")).toBeFocused();
  await expect(page.getByTestId("commit-sha")).toHaveText(/^[0-9a-f]{12}$/);
});
