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

test("a phone can keep the console on its home screen, and search engines are kept out, without a session", async ({
  browser,
}) => {
  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await anonymous.newPage();
  await page.goto("/sign-in");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBe("/manifest.webmanifest");
  const manifest = await page.request.get(manifestHref ?? "");
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as {
    name: string;
    display: string;
    icons: { src: string }[];
  };
  expect(body).toMatchObject({ name: "Foundry console", display: "standalone" });
  for (const icon of body.icons) {
    const answer = await page.request.get(icon.src);
    expect(answer.status(), icon.src).toBe(200);
    expect(answer.headers()["content-type"]).toContain("image/svg+xml");
  }
  const robots = await page.request.get("/robots.txt");
  expect(await robots.text()).toBe("User-agent: *\nDisallow: /\n");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  await anonymous.close();
});
