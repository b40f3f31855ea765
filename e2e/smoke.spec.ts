import { expect, test, type Page } from "@playwright/test";
// The sidebar's own list, so a page added to it is opened and checked the day it is added.
import { navItems } from "../components/shell/nav-items";

function collectBrowserErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("the console loads and every sidebar link opens its page without browser errors", async ({
  page,
}) => {
  const errors = collectBrowserErrors(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("signed-in-actor")).toContainText("admin");

  const sidebar = page.getByRole("navigation", { name: "Console" });
  for (const item of navItems) {
    await sidebar.getByRole("link", { name: item.label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${item.href === "/" ? "/$" : `${item.href}$`}`));
    await expect(page.getByRole("heading", { level: 1, name: item.label })).toBeVisible();
    await expect(sidebar.getByRole("link", { name: item.label, exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
  }

  await expect(page.getByText("Git connected")).toBeVisible();
  expect(errors).toEqual([]);
});
