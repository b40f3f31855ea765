import { expect, test, type Page } from "@playwright/test";
import {
  appliedAt,
  committedSha,
  kubectl,
  kubectlJson,
  registerInBrowser,
  signInAsLocalAdmin,
} from "./stack";
import { bmcSetting, domstate, virsh, withoutBmc } from "./bmc-vm";

/*
 * BMC actions clicked on a server's page are commits of Rufio Jobs that the real
 * kustomize-controller applies against the pinned Tinkerbell's bmc CRDs; the next action's commit
 * replaces the Job, and the controller prunes the old one.
 */
const server = { name: "rs-power1", mac: "52:54:00:12:35:01" };
type Job = { spec: { machineRef: { name: string }; tasks: Record<string, unknown>[] } };

async function powerInBrowser(page: Page, label: string, name = server.name): Promise<string> {
  await page.goto(`/servers/${name}`);
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

/*
 * The same clicks on a server whose BMC is the real stack's Redfish emulator: real Rufio runs the
 * Job Flux applied, libvirt's VM changes state, and the server's page says how it went.
 */
test.describe("with the real stack's Redfish BMC", () => {
  test.skip(withoutBmc, "the stack was started without its BMC (REAL_STACK_BMC=0)");
  const bmc = () => ({
    address: bmcSetting("REAL_STACK_BMC_ADDRESS"),
    port: bmcSetting("REAL_STACK_BMC_PORT"),
    basicAuth: true,
  });
  test.afterAll(async () => {
    // TCG keeps a core busy while the VM runs.
    if (!withoutBmc) await virsh("destroy", bmcSetting("REAL_STACK_BMC_SYSTEM")).catch(() => "");
  });

  test("power on in the browser starts the VM, and the page says the action completed", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await virsh("destroy", bmcSetting("REAL_STACK_BMC_SYSTEM")).catch(() => "");
    expect(await domstate()).toBe("shut off");
    await signInAsLocalAdmin(page);
    const name = "rs-power-vm";
    await appliedAt(
      await registerInBrowser(page, {
        name,
        mac: "52:54:00:12:35:02",
        bmc: { ...bmc(), secret: bmcSetting("REAL_STACK_BMC_SECRET") },
      }),
    );
    await page.goto(`/servers/${name}`);
    await expect(page.getByTestId("bmc-power")).toHaveText("Power off", { timeout: 60_000 });

    await appliedAt(await powerInBrowser(page, "Power on", name));
    await expect.poll(domstate, { timeout: 90_000 }).toBe("running");
    await page.goto(`/servers/${name}`);
    await expect(page.getByTestId("bmc-last-job")).toHaveText("Last action: power on, completed", {
      timeout: 60_000,
    });
  });

  test("wrong BMC credentials: the page says the BMC refused them, and the VM is untouched", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await virsh("destroy", bmcSetting("REAL_STACK_BMC_SYSTEM")).catch(() => "");
    const name = "rs-power-wrong";
    // The operator makes the Secret, as the README tells them; this one holds a wrong password.
    await kubectl(
      "-n",
      "tinkerbell",
      "create",
      "secret",
      "generic",
      `bmc-${name}`,
      "--from-literal=username=admin",
      "--from-literal=password=not-the-password",
    );
    await signInAsLocalAdmin(page);
    await appliedAt(
      await registerInBrowser(page, {
        name,
        mac: "52:54:00:12:35:03",
        bmc: { ...bmc(), secret: `bmc-${name}` },
      }),
    );
    await appliedAt(await powerInBrowser(page, "Power on", name));
    await page.goto(`/servers/${name}`);
    await expect(page.getByTestId("bmc-last-job")).toContainText("Last action: power on, failed", {
      timeout: 90_000,
    });
    await expect(page.getByTestId("bmc-power")).toContainText("Incorrect username or password");
    expect(await domstate()).toBe("shut off");
  });
});
