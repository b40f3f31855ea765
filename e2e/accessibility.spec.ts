import { expect, test } from "@playwright/test";
// The sidebar's own list, so a page added to it is opened and checked the day it is added.
import { navItems } from "../components/shell/nav-items";
import { expectNoAxeViolations } from "./support/axe";

const extraPages = ["/servers/new", "/servers/bulk", "/access"];

for (const path of [...navItems.map((item) => item.href), ...extraPages]) {
  test(`${path} passes axe (WCAG 2 A and AA)`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, `${path} on first load`);
  });
}
