import { expect, test as setup } from "@playwright/test";
import { localAdminStorageState } from "./local-admin-state";

// Local mode's one click, done once; the console project reuses the signed-in browser state.
setup("sign in as the local admin", async ({ page }) => {
  await page.goto("/servers");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fservers/);
  await page.getByRole("button", { name: "Sign in as Local admin" }).click();
  await expect(page.getByTestId("signed-in-actor")).toContainText("admin");
  await expect(page.getByRole("status").filter({ hasText: "Local mode" })).toBeVisible();
  await page.context().storageState({ path: localAdminStorageState });
});
