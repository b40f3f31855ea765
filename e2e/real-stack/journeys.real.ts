import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { realStackConsolePort, realStackDir } from "./settings";
import {
  appliedAt,
  committedSha,
  kubectl,
  kubectlJson,
  provisionInBrowser,
  reconcileNow,
  registerInBrowser,
  signInAsLocalAdmin,
  stackEnv,
  stackPort,
} from "./stack";

/*
 * The console against the real control plane (docs/platform/real-stack.md): what a person does in
 * the browser, then what the real kube-apiserver and Flux controllers made of it, read back with
 * the pinned kubectl. One server's life, in order.
 */
test.describe.configure({ mode: "serial" });

type Condition = { type: string; status: string; message?: string };
type FluxObject = {
  metadata: { name: string; labels?: Record<string, string> };
  spec: Record<string, unknown>;
  status?: { conditions?: Condition[]; lastAppliedRevision?: string };
};
type Hardware = {
  metadata: { labels?: Record<string, string> };
  spec: { interfaces: { netboot?: { allowPXE?: boolean } }[] };
};
type Workflow = {
  status?: {
    state?: string;
    bootOptions?: { allowNetboot?: { toggledTrue?: boolean; toggledFalse?: boolean } };
  };
};
type Timeline = { steps: { key: string; state: string; sha?: string }[] };

const server = "rs-node1";
const mac = "02:00:5e:10:00:01";
const consoleUrl = `http://127.0.0.1:${realStackConsolePort}`;
const pinnedFlux = execFileSync("bash", [
  "-c",
  ". scripts/real-stack/versions.sh && echo $REAL_STACK_FLUX",
])
  .toString()
  .trim();
const gitHead = () =>
  execFileSync("git", ["--git-dir", path.join(realStackDir, "gitops.git"), "rev-parse", "main"])
    .toString()
    .trim();
const ready = (object: FluxObject) => object.status?.conditions?.find((c) => c.type === "Ready");
const hardware = () => kubectlJson<Hardware>("-n", "tinkerbell", "get", `hardware/${server}`);
const allowPXE = async () => (await hardware()).spec.interfaces.map((nic) => nic.netboot?.allowPXE);
const stepState = async (page: Page, key: string) =>
  (
    (await (await page.request.get(`/api/timeline/servers/${server}`)).json()) as Timeline
  ).steps.find((s) => s.key === key);

test.beforeEach(async ({ page }) => {
  await signInAsLocalAdmin(page);
});

test("the handover leaves every Kustomization that can be Ready here Ready, with substitution applied", async () => {
  const kustomizations = await kubectlJson<{ items: FluxObject[] }>(
    "-n",
    "flux-system",
    "get",
    "kustomizations",
  );
  const byName = new Map(kustomizations.items.map((k) => [k.metadata.name, k]));
  for (const name of ["foundry", "infra-controllers", "infra-configs", "tinkerbell"]) {
    const condition = byName.get(name) && ready(byName.get(name) as FluxObject);
    expect(condition?.status, `Kustomization ${name}: ${condition?.message ?? "absent"}`).toBe(
      "True",
    );
    expect(condition?.message).toBe(`Applied revision: main@sha1:${gitHead()}`);
  }
  const source = await kubectlJson<FluxObject>("-n", "flux-system", "get", "gitrepository/foundry");
  expect(source.spec.url).toBe(stackEnv.FOUNDRY_GIT_URL);
  const provider = await kubectlJson<FluxObject>(
    "-n",
    "flux-system",
    "get",
    "provider/foundry-console",
  );
  expect(provider.spec.address).toBe(`${consoleUrl}/api/webhooks/flux`);
  expect(
    await kubectl(
      "-n",
      "flux-system",
      "get",
      "httproute/flux-webhook",
      "-o",
      "jsonpath={.spec.hostnames[0]}",
    ),
  ).toBe("localhost");
  // The API server kept spec.ignore: the pinned kustomize-controller's CRD knows the field.
  const tinkerbell = byName.get("tinkerbell");
  const ignore = tinkerbell?.spec.ignore as { paths: string[] }[] | undefined;
  expect(ignore?.[0]?.paths).toHaveLength(8);
  const crd = await kubectlJson<FluxObject>(
    "get",
    "crd/kustomizations.kustomize.toolkit.fluxcd.io",
  );
  expect(crd.metadata.labels?.["app.kubernetes.io/version"]).toBe(pinnedFlux);
});

test("Reconcile now on the GitOps page is handled by the real kustomize-controller, shown live and audited", async ({
  page,
}) => {
  type Reconciled = {
    metadata: { annotations?: Record<string, string> };
    status?: { lastHandledReconcileAt?: string };
  };
  const read = () =>
    kubectlJson<Reconciled>("-n", "flux-system", "get", "kustomization/infra-configs");
  const before = (await read()).status?.lastHandledReconcileAt;
  await page.goto("/gitops");
  const row = page.getByRole("row").filter({ hasText: "infra-configs" });
  await row.getByRole("button", { name: "Reconcile flux-system/infra-configs now" }).click();
  await expect
    .poll(async () => (await read()).status?.lastHandledReconcileAt, { timeout: 60_000 })
    .not.toBe(before);
  const after = await read();
  // The console wrote the annotation the flux CLI writes; the controller answered that very value.
  expect(after.status?.lastHandledReconcileAt).toBe(
    after.metadata.annotations?.["reconcile.fluxcd.io/requestedAt"],
  );
  await expect(row.getByTestId("reconcile-handled")).toBeVisible({ timeout: 30_000 });
  await expect(
    row.getByRole("button", { name: "Reconcile flux-system/infra-configs now" }),
  ).toHaveText("Reconcile now");
  await page.goto("/activity");
  await expect(page.getByText("flux-system/infra-configs (kustomizations)").first()).toBeVisible();
});

test("a server registered in the browser is applied by the real Flux at its commit, seen through signed events", async ({
  page,
}) => {
  const sha = await registerInBrowser(page, { name: server, mac, site: "lab1", rack: "rack1" });

  await appliedAt(sha);
  // The form's own words follow the real controller, without a reload.
  await expect(page.getByTestId("flux-apply-status")).toHaveText(/^Flux applied it /, {
    timeout: 30_000,
  });
  expect(await allowPXE()).toEqual([false]);
  await expect
    .poll(async () => (await stepState(page, "applied"))?.state, { timeout: 30_000 })
    .toBe("done");
  expect((await stepState(page, "applied"))?.sha).toMatch(new RegExp(`^${sha}`));
  await expect
    .poll(async () => (await stepState(page, "hardware"))?.state, { timeout: 30_000 })
    .toBe("done");
  // The real kustomize-controller's own words, signed and posted to the console.
  await page.goto("/gitops");
  await expect(page.getByTestId("flux-events")).toContainText(
    `Hardware/tinkerbell/${server} created`,
    { timeout: 30_000 },
  );
});

test("provisioning keeps the netboot Tinkerbell turned on through Flux's reconciles, and off after the install", async ({
  page,
}) => {
  await appliedAt(await provisionInBrowser(page, server, "ubuntu-2404"));
  await expect
    .poll(
      async () =>
        (await kubectlJson<Workflow>("-n", "tinkerbell", "get", `workflow/${server}-1`)).status
          ?.state,
      { timeout: 30_000 },
    )
    .toBe("STATE_PENDING");
  expect(await allowPXE()).toEqual([true]);

  // An edit to the same Hardware while it waits to netboot: Flux applies the object again.
  await page.goto(`/servers/${server}/edit`);
  await page.getByLabel("Rack", { exact: true }).fill("rack2");
  await page.getByRole("button", { name: "Preview the commit" }).click();
  await page.getByRole("button", { name: "Commit" }).click();
  await appliedAt(await committedSha(page));
  expect((await hardware()).metadata.labels).toMatchObject({ "foundry.metal/rack": "rack2" });
  expect(await allowPXE()).toEqual([true]);
  await reconcileNow("tinkerbell");
  expect(await allowPXE()).toEqual([true]);

  expect(
    (await fetch(`${stackEnv.REAL_STACK_AGENT_URL}/tinkerbell/${server}/boot`, { method: "POST" }))
      .status,
  ).toBe(202);
  await expect
    .poll(
      async () =>
        (await kubectlJson<Workflow>("-n", "tinkerbell", "get", `workflow/${server}-1`)).status
          ?.state,
      { timeout: 60_000 },
    )
    .toBe("STATE_SUCCESS");
  expect(await allowPXE()).toEqual([false]);
  await reconcileNow("tinkerbell");
  expect(await allowPXE()).toEqual([false]);
  await expect
    .poll(async () => (await stepState(page, "succeeded"))?.state, { timeout: 30_000 })
    .toBe("done");
  await expect
    .poll(async () => (await stepState(page, "node-ready"))?.state, { timeout: 30_000 })
    .toBe("done");
});

test("Smee answers a netboot only while the Hardware allows it", async () => {
  const script = await fetch(
    `http://127.0.0.1:${stackPort("SMEE")}/${mac.replaceAll(":", "-")}/auto.ipxe`,
  );
  expect(script.status).toBe(404);
  expect(await script.text()).toBe("");
});

test("decommissioning removes the server from Git, and the real kustomize-controller prunes it", async ({
  page,
}) => {
  const ownObjects = async () =>
    (await kubectl("-n", "tinkerbell", "get", "hardware,workflows", "-o", "name"))
      .split("\n")
      .filter((line) => line.endsWith(`/${server}`) || line.endsWith(`/${server}-1`));
  expect(await ownObjects()).toEqual([
    "hardware.tinkerbell.org/rs-node1",
    "workflow.tinkerbell.org/rs-node1-1",
  ]);
  await page.goto(`/servers/${server}`);
  await page.getByRole("button", { name: "Preview: decommission" }).click();
  await page.getByLabel(`Type ${server} to confirm`).fill(server);
  await page.getByRole("button", { name: `Decommission ${server}` }).click();
  // The page says what happened and what is left to do, not "Page not found".
  await expect(page.getByText("Decommissioned by")).toBeVisible();
  await expect(page.getByText("kubectl delete node NODE")).toBeVisible();
  await appliedAt(await committedSha(page));
  await expect.poll(ownObjects, { timeout: 30_000 }).toEqual([]);
});
