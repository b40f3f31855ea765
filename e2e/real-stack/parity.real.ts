import { expect, test, type Browser, type Page } from "@playwright/test";
import { realStackConsolePort, sandboxClusterPort, sandboxConsolePort } from "./settings";
import { provisionInBrowser, registerInBrowser, signInAsLocalAdmin, stackEnv } from "./stack";

/*
 * The sandbox cluster (the embedded default of scripts/up.sh) is held to the real stack: one
 * console-facing scenario, read only through what the console shows (its pages and timeline
 * API), run against a console on each, so the demo cannot drift from what a real cluster does.
 */
type Target = { name: string; url: string; boot(server: string): Promise<Response> };

const targets: Target[] = [
  {
    name: "real stack",
    url: `http://127.0.0.1:${realStackConsolePort}`,
    boot: (server) =>
      fetch(`${stackEnv.REAL_STACK_AGENT_URL}/tinkerbell/${server}/boot`, { method: "POST" }),
  },
  {
    name: "sandbox",
    url: `http://127.0.0.1:${sandboxConsolePort}`,
    boot: (server) =>
      fetch(`http://127.0.0.1:${sandboxClusterPort}/sandbox/boot/${server}`, { method: "POST" }),
  },
];

type Step = { key: string; state: string; sha?: string };
const steps = async (page: Page, server: string) =>
  ((await (await page.request.get(`/api/timeline/servers/${server}`)).json()) as { steps: Step[] })
    .steps;
const stepState = async (page: Page, server: string, key: string) =>
  (await steps(page, server)).find((s) => s.key === key)?.state;

async function consolePage(browser: Browser, target: Target): Promise<Page> {
  const context = await browser.newContext({ baseURL: target.url });
  const page = await context.newPage();
  await signInAsLocalAdmin(page);
  return page;
}

for (const target of targets) {
  test(`${target.name}: register, provision, boot, Ready and decommission, as the console shows them`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const page = await consolePage(browser, target);
    const server = "parity-node1";
    const registered = await registerInBrowser(page, { name: server, mac: "02:00:5e:20:00:01" });
    await expect.poll(() => stepState(page, server, "applied"), { timeout: 90_000 }).toBe("done");
    expect((await steps(page, server)).find((s) => s.key === "applied")?.sha).toMatch(
      new RegExp(`^${registered}`),
    );
    await expect.poll(() => stepState(page, server, "hardware"), { timeout: 30_000 }).toBe("done");
    expect(await stepState(page, server, "workflow")).toBe("waiting");

    await provisionInBrowser(page, server, "ubuntu-2404");
    await expect.poll(() => stepState(page, server, "applied"), { timeout: 90_000 }).toBe("done");
    await expect
      .poll(() => stepState(page, server, "workflow"), { timeout: 30_000 })
      .toBe("current");
    expect((await target.boot(server)).status).toBe(202);
    await expect.poll(() => stepState(page, server, "succeeded"), { timeout: 60_000 }).toBe("done");
    await expect
      .poll(() => stepState(page, server, "node-ready"), { timeout: 30_000 })
      .toBe("done");
    await page.goto(`/servers/${server}`);
    await expect(page.getByText("Provisioned with ubuntu-2404")).toBeVisible();

    await page.getByRole("button", { name: "Preview: decommission" }).click();
    await page.getByLabel(`Type ${server} to confirm`).fill(server);
    await page.getByRole("button", { name: `Decommission ${server}` }).click();
    await expect(page.getByText("Decommissioned by")).toBeVisible();
    await expect
      .poll(() => stepState(page, server, "hardware"), { timeout: 90_000 })
      .not.toBe("done");
    await page.context().close();
  });
}
