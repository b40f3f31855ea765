import { expect, test } from "@playwright/test";

test("a reprovision starts from the operating system installed now", async ({ page }) => {
  await page.goto("/servers/new");
  await expect(page.locator("html")).toHaveAttribute("data-live", "connected");
  await page.getByLabel("Name", { exact: true }).fill("reinstall-node1");
  await page.getByLabel("MAC (interface 1)").fill("02:00:5e:50:00:01");
  await page.getByRole("button", { name: "Preview the commit" }).click();
  await page.getByRole("button", { name: "Commit" }).click();
  await expect(page.getByTestId("commit-sha")).toHaveText(/^[0-9a-f]{12}$/);

  await page.goto("/servers/reinstall-node1");
  const template = page.getByLabel("Operating system template");
  // Not the first template of the list (Flatcar is), so the default cannot pass by accident.
  await template.selectOption("talos");
  await page.getByRole("button", { name: "Preview: provision" }).click();
  await page.getByRole("button", { name: "Provision reinstall-node1" }).click();
  await expect(page.getByTestId("commit-sha")).toHaveText(/^[0-9a-f]{12}$/);

  await page.reload();
  await expect(template.locator("option").first()).toHaveText(/Flatcar/);
  await expect(page.getByRole("heading", { level: 2, name: "Reprovision" })).toBeVisible();
  await expect(page.getByLabel("Operating system template")).toHaveValue("talos");
});
