import { expect, test } from "@playwright/test";

test("the Boot media page offers its choices in the URL and says what is missing", async ({
  page,
}) => {
  await page.goto("/boot-media");
  await expect(page.getByRole("heading", { level: 1, name: "Boot media" })).toBeVisible();
  for (const name of [
    "Generic media",
    "Per-server media",
    "Live enrollment tokens",
    "Using the media",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  // The e2e console has no Smee: the page says which setting to set instead of a broken link.
  await expect(page.getByRole("alert").first()).toContainText("FOUNDRY_SMEE_URL");
  await expect(page.getByText("No live enrollment tokens.")).toBeVisible();
  await expect(page.getByText("sudo dd if=foundry-generic-x86_64.iso")).toBeVisible();

  await page.getByLabel("Architecture").selectOption("arm64");
  await page.getByLabel("Format").selectOption("usb");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/arch=arm64&format=usb/);
  await expect(page.getByText("sudo dd if=foundry-generic-arm64.img")).toBeVisible();
});
