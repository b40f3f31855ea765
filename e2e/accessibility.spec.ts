import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
// The sidebar's own list, so a page added to it is opened and checked the day it is added.
import { navItems } from "../components/shell/nav-items";

const extraPages = ["/servers/new", "/servers/bulk", "/access"];

// WCAG 2 A and AA rules, as axe checks them: labels, names, contrast, landmarks, ARIA use.
for (const path of [...navItems.map((item) => item.href), ...extraPages]) {
  test(`${path} passes axe (WCAG 2 A and AA)`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    const found = results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
    }));
    expect(found).toEqual([]);
  });
}
