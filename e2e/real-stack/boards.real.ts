import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { pinnedK3sVersion } from "@/e2e/support/pinned-k3s-version";
import { bootInQemu } from "@/tests/bootmedia/qemu/qemu-run";
import {
  appliedAt,
  asked,
  committedSha,
  kubectlJson,
  makeServerMedia,
  signInAsLocalAdmin,
  stackEnv,
  stackPort,
} from "./stack";

/*
 * An arm64 board's zero-touch path against the real control plane (docs/servers/boards.md): the
 * person registers it and picks their gold image in the browser; the real Flux applies both; the
 * Template is rendered for that Workflow as Tinkerbell v0.21.0 renders it; the board's arm64 USB
 * medium boots under EDK2 (QEMU's virt machine), calls home and gets HookOS for aarch64 from the
 * stack's Smee; the install runs and the board joins as an arm64 node at the control plane's K3s
 * release.
 */
test.describe.configure({ mode: "serial" });

const board = "rock5b-1";
const mac = "02:00:5e:10:a6:41";
const pinned = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

type Workflow = {
  status?: {
    state?: string;
    templateRendering?: string;
    tasks?: { agentID: string; actions: { name: string }[] }[];
  };
};
type Node = {
  metadata: { labels?: Record<string, string> };
  status?: { nodeInfo?: { architecture?: string; kubeletVersion?: string } };
};

const work = mkdtempSync(path.join(os.tmpdir(), "foundry-real-board-"));
const workflow = () => kubectlJson<Workflow>("-n", "tinkerbell", "get", `workflow/${board}-1`);

test.beforeEach(async ({ page }) => {
  await signInAsLocalAdmin(page);
});

test("an arm64 board registered in the browser installs its gold image and joins as an arm64 node", async ({
  page,
}) => {
  test.setTimeout(420_000);
  await page.goto("/servers/new");
  await page.getByLabel("Name", { exact: true }).fill(board);
  await page.getByLabel("MAC (interface 1)").fill(mac);
  await page.getByLabel("Architecture").selectOption("aarch64");
  await page.getByLabel("Install disk").fill("/dev/nvme0n1");
  await page.getByRole("button", { name: "Preview the commit" }).click();
  await page.getByRole("button", { name: "Commit" }).click();
  await appliedAt(await committedSha(page));

  await page.goto(`/servers/${board}`);
  await page.getByLabel("Operating system template").selectOption("gold-image");
  await page.getByLabel("image_url").fill("https://images.example.test/fleet-arm64.img.xz");
  await page.getByLabel("image_sha256").fill(pinned);
  await page.getByRole("button", { name: "Preview: provision" }).click();
  await expect(page.getByLabel("Diff that will be committed")).toContainText(
    `image_sha256: ${pinned}`,
  );
  await page.getByRole("button", { name: `Provision ${board}` }).click();
  await appliedAt(await committedSha(page));

  await expect
    .poll(async () => (await workflow()).status?.state, { timeout: 30_000 })
    .toBe("STATE_PENDING");
  const rendered = (await workflow()).status;
  expect(rendered?.templateRendering).toBe("successful");
  expect(rendered?.tasks?.[0]?.agentID).toBe(mac);
  expect(rendered?.tasks?.[0]?.actions.map((action) => action.name).slice(0, 2)).toEqual([
    "write-image",
    "verify-image-checksum",
  ]);

  const image = await makeServerMedia(
    page,
    { server: board, arch: "aarch64", format: "usb" },
    path.join(work, `${board}-arm64.img`),
  );
  await bootInQemu({
    name: `${board}-arm64-usb`,
    image,
    firmware: "aavmf",
    attachment: "usb",
    mac,
    workDir: work,
    timeoutMs: 240_000,
    done: async (since) => {
      await asked(stackPort("SMEE"), `/${mac.replaceAll(":", "-")}/auto.ipxe`, since, 200);
      await asked(stackPort("ARTIFACTS"), "/vmlinuz-aarch64", since);
    },
  });
  const timeline = (await (await page.request.get(`/api/timeline/servers/${board}`)).json()) as {
    steps: { key: string; state: string }[];
  };
  expect(timeline.steps.find((step) => step.key === "booted")?.state).toBe("done");

  expect(
    (await fetch(`${stackEnv.REAL_STACK_AGENT_URL}/tinkerbell/${board}/boot`, { method: "POST" }))
      .status,
  ).toBe(202);
  await expect
    .poll(async () => (await workflow()).status?.state, { timeout: 60_000 })
    .toBe("STATE_SUCCESS");
  const node = await kubectlJson<Node>("get", `node/${board}`);
  expect(node.metadata.labels?.["kubernetes.io/arch"]).toBe("arm64");
  expect(node.status?.nodeInfo?.kubeletVersion).toBe(pinnedK3sVersion());

  await page.goto("/nodes");
  const row = page.getByTestId(`node-${board}`);
  await expect(row).toContainText("Ready", { timeout: 30_000 });
  await expect(row).toContainText("arm64");
  await expect(row).toContainText(pinnedK3sVersion());
});
