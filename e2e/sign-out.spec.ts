import { expect, test } from "@playwright/test";

// A person who opened the console as localhost (what scripts/up.sh prints) signs out and in again
// on that same origin, not on AUTH_URL's 127.0.0.1, where their next session would live apart.
test.use({ storageState: { cookies: [], origins: [] } });

test("signing out keeps the origin the person used, and ends the session there", async ({
  page,
  baseURL,
}) => {
  const local = (baseURL ?? "").replace("127.0.0.1", "localhost");
  await page.goto(`${local}/servers`);
  await page.getByRole("button", { name: "Sign in as Local admin" }).click();
  await expect(page.getByTestId("signed-in-actor")).toContainText("admin");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${local}/sign-in`);
  await page.goto(`${local}/servers`);
  await expect(page).toHaveURL(new RegExp(`^${local}/sign-in\\?callbackUrl=%2Fservers`));
  await page.getByRole("button", { name: "Sign in as Local admin" }).click();
  await expect(page).toHaveURL(`${local}/servers`);
  await expect(page.getByTestId("signed-in-actor")).toContainText("admin");
});
