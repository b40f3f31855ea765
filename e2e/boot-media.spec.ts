import { expect, test } from "@playwright/test";
import { sandboxPort } from "./sandbox/e2e-settings";

test("the Boot media page offers its choices in the URL, and generic media that chain to the demo's Smee", async ({
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
  // On scripts/up.sh's settings the sandbox answers Smee's script path: the media can be made.
  const generic = page.getByRole("link", { name: "Download foundry-generic-x86_64.iso" });
  await expect(generic).toBeVisible();
  const download = await page.request.get((await generic.getAttribute("href")) ?? "");
  expect(download.status()).toBe(200);
  const iso = await download.body();
  expect(download.headers()["content-length"]).toBe(String(iso.length));
  // ISO 9660's volume descriptor, and the script inside chains to the sandbox's Smee.
  expect(iso.subarray(0x8001, 0x8006).toString("latin1")).toBe("CD001");
  const chain = `chain --autofree http://127.0.0.1:${sandboxPort}/\${netX/mac:hexhyp}/auto.ipxe`;
  expect(iso.includes(Buffer.from(chain))).toBe(true);
  // Like Smee, the sandbox's answers nothing for a MAC no Hardware allows to netboot.
  const unknown = await page.request.get(
    `http://127.0.0.1:${sandboxPort}/02-00-00-00-00-99/auto.ipxe`,
  );
  expect(unknown.status()).toBe(404);
  await expect(page.getByText("No live enrollment tokens.")).toBeVisible();
  await expect(page.getByText("sudo dd if=foundry-generic-x86_64.iso")).toBeVisible();

  await page.getByLabel("Architecture").selectOption("arm64");
  await page.getByLabel("Format").selectOption("usb");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/arch=arm64&format=usb/);
  await expect(page.getByText("sudo dd if=foundry-generic-arm64.img")).toBeVisible();
});
