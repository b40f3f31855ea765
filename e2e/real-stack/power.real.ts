import { expect, test, type Page } from "@playwright/test";
import {
  appliedAt,
  committedSha,
  kubectl,
  kubectlJson,
  registerInBrowser,
  signInAsLocalAdmin,
} from "./stack";

/*
 * BMC actions clicked on a server's page are commits of Rufio Jobs that the real
 * kustomize-controller applies against the pinned Tinkerbell's bmc CRDs; the next action's commit
 * replaces the Job, and the controller prunes the old one.
 */
const server = { name: "rs-power1", mac: "52:54:00:12:35:01" };
type Job = { spec: { machineRef: { name: string }; tasks: Record<string, unknown>[] } };

async function powerInBrowser(page: Page, label: string): Promise<string> {
  await page.goto(`/servers/${server.name}`);
  await page.getByRole("radio", { name: label }).check();
  await page.getByRole("button", { name: `Preview: ${label.toLowerCase()}` }).click();
  await expect(page.getByText("tinkerbell/bmc-jobs/")).not.toHaveCount(0);
  await page.getByRole("button", { name: `${label}: commit` }).click();
  return committedSha(page);
}

const job = (name: string) =>
  kubectlJson<Job>("-n", "tinkerbell", "get", "jobs.bmc.tinkerbell.org", name);

test("power actions on a server's page become Rufio Jobs the real Flux applies and prunes", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAsLocalAdmin(page);
  await appliedAt(
    await registerInBrowser(page, {
      ...server,
      bmc: { address: "10.0.9.21", secret: "bmc-rs-power1" },
    }),
  );
  await appliedAt(await powerInBrowser(page, "Power cycle"));
  expect(await job(`${server.name}-bmc-1`)).toMatchObject({
    spec: { machineRef: { name: server.name }, tasks: [{ powerAction: "cycle" }] },
  });

  await appliedAt(await powerInBrowser(page, "Boot from the network next"));
  expect(await job(`${server.name}-bmc-2`)).toMatchObject({
    spec: { tasks: [{ oneTimeBootDeviceAction: { device: ["pxe"], efiBoot: true } }] },
  });
  const names = await kubectl("-n", "tinkerbell", "get", "jobs.bmc.tinkerbell.org", "-o", "name");
  const ofServer = names
    .trim()
    .split("\n")
    .filter((name) => name.startsWith(`job.bmc.tinkerbell.org/${server.name}-bmc-`));
  expect(ofServer).toEqual([`job.bmc.tinkerbell.org/${server.name}-bmc-2`]);
});
