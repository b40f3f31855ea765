import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { bootInQemu, type Firmware } from "../../tests/bootmedia/qemu/qemu-run";
import {
  appliedAt,
  asked,
  kubectlJson,
  makeServerMedia,
  provisionInBrowser,
  registerInBrowser,
  signInAsLocalAdmin,
  stackEnv,
  stackPort,
} from "./stack";

/*
 * Real firmware (SeaBIOS, OVMF under QEMU's TCG) boots the media the console made for servers it
 * registered itself, with the settings a new user has and FOUNDRY_PUBLIC_URL set to the address
 * the machines reach (10.0.2.2 on QEMU's user network). The media call home, then chain to the
 * stack's Smee, which answers from the Hardware in the real API server; iPXE then asks the
 * artifacts server for the HookOS kernel.
 */
test.describe.configure({ mode: "serial" });

const work = mkdtempSync(path.join(os.tmpdir(), "foundry-real-boot-"));
const provisioned = { name: "rs-boot1", mac: "52:54:00:12:34:58" };
const waiting = { name: "rs-boot2", mac: "52:54:00:12:34:59" };
const journey = { name: "rs-boot3", mac: "52:54:00:12:34:5a" };
const hyphens = (mac: string) => mac.replaceAll(":", "-");

type Timeline = {
  steps: {
    key: string;
    state: string;
    label: string;
    detail: string | null;
    message: string | null;
  }[];
};

const serverMedia = (page: Page, server: string) =>
  makeServerMedia(
    page,
    { server, arch: "x86_64", format: "iso" },
    path.join(work, `${server}.iso`),
  );

const boot = (
  name: string,
  image: string,
  firmware: Firmware,
  mac: string,
  done: (since: number) => Promise<unknown>,
) =>
  bootInQemu({
    name,
    image,
    firmware,
    attachment: "cd",
    mac,
    workDir: work,
    timeoutMs: 150_000,
    done,
  });

test.beforeEach(async ({ page }) => {
  await signInAsLocalAdmin(page);
});

test("per-server media of a server waiting for its install boot to Smee and ask for HookOS", async ({
  page,
}) => {
  test.setTimeout(420_000);
  await appliedAt(await registerInBrowser(page, provisioned));
  await appliedAt(await provisionInBrowser(page, provisioned.name, "ubuntu-2404"));
  await expect
    .poll(
      async () =>
        (
          await kubectlJson<{ spec: { interfaces: { netboot?: { allowPXE?: boolean } }[] } }>(
            "-n",
            "tinkerbell",
            "get",
            `hardware/${provisioned.name}`,
          )
        ).spec.interfaces[0]?.netboot?.allowPXE,
      { timeout: 30_000 },
    )
    .toBe(true);
  const image = await serverMedia(page, provisioned.name);
  for (const firmware of ["seabios", "ovmf"] as const) {
    await boot(
      `${provisioned.name}-${firmware}`,
      image,
      firmware,
      provisioned.mac,
      async (since) => {
        await asked(stackPort("SMEE"), `/${hyphens(provisioned.mac)}/auto.ipxe`, since, 200);
        await asked(stackPort("ARTIFACTS"), "/vmlinuz-x86_64", since);
      },
    );
  }
  const timeline = (await (
    await page.request.get(`/api/timeline/servers/${provisioned.name}`)
  ).json()) as Timeline;
  const booted = timeline.steps.find((step) => step.key === "booted");
  expect(booted?.state).toBe("done");
  expect(booted?.detail).toContain(provisioned.mac);
});

test("a new user's whole journey in the browser: register, provision, download USB media, boot them, watch the install to Node Ready", async ({
  page,
}) => {
  test.setTimeout(420_000);
  await appliedAt(await registerInBrowser(page, journey));
  await appliedAt(await provisionInBrowser(page, journey.name, "ubuntu-2404"));

  await page.goto("/boot-media");
  await page.getByLabel("Format").selectOption("usb");
  await page.getByRole("button", { name: "Show" }).click();
  await page.getByRole("combobox", { name: "Server", exact: true }).selectOption(journey.name);
  await page.getByRole("button", { name: "Make per-server media" }).click();
  const link = page.getByRole("link", { name: `Download foundry-${journey.name}-x86_64.img` });
  const downloading = page.waitForEvent("download");
  await link.click();
  const image = path.join(work, `${journey.name}.img`);
  await (await downloading).saveAs(image);

  await page.goto(`/servers/${journey.name}`);
  const step = (key: string) => page.locator(`[data-testid="timeline"] [data-step="${key}"]`);
  await expect(step("booted")).toHaveCount(0);
  await bootInQemu({
    name: `${journey.name}-usb`,
    image,
    firmware: "seabios",
    attachment: "usb",
    mac: journey.mac,
    workDir: work,
    timeoutMs: 150_000,
    done: async (since) => {
      await asked(stackPort("SMEE"), `/${hyphens(journey.mac)}/auto.ipxe`, since, 200);
      await asked(stackPort("ARTIFACTS"), "/vmlinuz-x86_64", since);
    },
  });
  // The page that was open says it, without a reload.
  await expect(step("booted")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(step("booted")).toContainText("Booted from media");
  await expect(step("booted")).toContainText(journey.mac);

  // HookOS cannot run its actions here: the agent stand-in runs the Workflow through Tink
  // server's real gRPC, and the K3s join stand-in makes the Node.
  const run = await fetch(`${stackEnv.REAL_STACK_AGENT_URL}/tinkerbell/${journey.name}/boot`, {
    method: "POST",
  });
  expect(run.status).toBe(202);
  await expect(step("succeeded")).toHaveAttribute("data-state", "done", { timeout: 60_000 });
  await expect(step("node-ready")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
});

test("generic media boot by DHCP to Smee for whichever machine boots them", async ({ page }) => {
  test.setTimeout(240_000);
  const made = await page.request.get("/api/media/generic?arch=x86_64&format=iso");
  expect(made.status()).toBe(200);
  const image = path.join(work, "generic.iso");
  writeFileSync(image, await made.body());
  await boot("generic-seabios", image, "seabios", provisioned.mac, async (since) => {
    await asked(stackPort("SMEE"), `/${hyphens(provisioned.mac)}/auto.ipxe`, since, 200);
    await asked(stackPort("ARTIFACTS"), "/vmlinuz-x86_64", since);
  });
});

test("a registered server with no install waiting is refused by Smee after its media called home, and its timeline says so", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await appliedAt(await registerInBrowser(page, waiting));
  const image = await serverMedia(page, waiting.name);
  const timeline = async () =>
    (await (await page.request.get(`/api/timeline/servers/${waiting.name}`)).json()) as Timeline;
  const refusal = async () =>
    (await timeline()).steps.find((step) => step.key === "netboot-refused");
  await boot(`${waiting.name}-seabios`, image, "seabios", waiting.mac, async (since) => {
    await asked(stackPort("SMEE"), `/${hyphens(waiting.mac)}/auto.ipxe`, since, 404);
    // The media tell the console what Smee answered; the timeline says it in words.
    await expect.poll(refusal, { timeout: 30_000 }).toMatchObject({ state: "failed" });
  });
  const steps = (await timeline()).steps;
  expect(steps.find((step) => step.key === "booted")?.state).toBe("done");
  expect(await refusal()).toMatchObject({
    label: "Nothing booted from Tinkerbell",
    detail: expect.stringContaining(waiting.mac),
    message: expect.stringMatching(/does not allow netboot/),
  });
  await page.goto(`/servers/${waiting.name}`);
  await expect(page.getByText("Nothing booted from Tinkerbell")).toBeVisible();
});
