import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, type Page } from "@playwright/test";
import { readEnvFile } from "./env-file";
import type { RecordedRequest } from "./tinkerbell-stand-in";
import { realStackConsolePort, realStackDir } from "./settings";

const execFileAsync = promisify(execFile);

/** The settings the real stack wrote for the console (DIR/env). */
export const stackEnv = readEnvFile(path.join(realStackDir, "env"));
const ports = readEnvFile(path.join(realStackDir, "ports.env"));
const kubectlBinary = readFileSync(path.join(realStackDir, "kubectl-path"), "utf8").trim();

/** The loopback port of one of the stack's parts (DIR/ports.env), e.g. SMEE, ETCD. */
export function stackPort(name: string): string {
  const port = ports[name];
  if (port === undefined) throw new Error(`the real stack has no port ${name}`);
  return port;
}

/** The pinned kubectl against the stack: what a person would type, not the console's reading. */
export async function kubectl(...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(kubectlBinary, args, {
    env: { ...process.env, KUBECONFIG: path.join(realStackDir, "kubeconfig") },
  });
  return stdout;
}

export async function kubectlJson<T>(...args: string[]): Promise<T> {
  return JSON.parse(await kubectl(...args, "-o", "json")) as T;
}

/** Asks Flux to reconcile now, as `flux reconcile ks NAME` does, and waits until it has. */
export async function reconcileNow(kustomization: string): Promise<void> {
  const requestedAt = new Date().toISOString();
  await kubectl(
    "-n",
    "flux-system",
    "annotate",
    "--overwrite",
    `kustomization/${kustomization}`,
    `reconcile.fluxcd.io/requestedAt=${requestedAt}`,
  );
  await expect
    .poll(
      async () =>
        (
          await kubectlJson<{ status?: { lastHandledReconcileAt?: string } }>(
            "-n",
            "flux-system",
            "get",
            `kustomization/${kustomization}`,
          )
        ).status?.lastHandledReconcileAt,
      { timeout: 60_000 },
    )
    .toBe(requestedAt);
}

export async function signInAsLocalAdmin(page: Page): Promise<void> {
  await page.goto("/servers");
  await page.getByRole("button", { name: "Sign in as Local admin" }).click();
  await expect(page.getByTestId("signed-in-actor")).toContainText("admin");
}

/** The short sha the console shows once a change is committed. */
export async function committedSha(page: Page): Promise<string> {
  const sha = (await page.getByTestId("commit-sha").textContent())?.trim() ?? "";
  expect(sha).toMatch(/^[0-9a-f]{12}$/);
  return sha;
}

/** Registers a server through the form, as a person does; answers the commit's short sha. */
export async function registerInBrowser(
  page: Page,
  server: {
    name: string;
    mac: string;
    site?: string;
    rack?: string;
    bmc?: { address: string; secret: string; port?: string; basicAuth?: boolean };
  },
): Promise<string> {
  await page.goto("/servers/new");
  await page.getByLabel("Name", { exact: true }).fill(server.name);
  await page.getByLabel("MAC (interface 1)").fill(server.mac);
  if (server.site) await page.getByLabel("Site", { exact: true }).fill(server.site);
  if (server.rack) await page.getByLabel("Rack", { exact: true }).fill(server.rack);
  if (server.bmc) {
    await page.getByLabel("BMC address").fill(server.bmc.address);
    await page.getByLabel("Secret with the BMC credentials").fill(server.bmc.secret);
    if (server.bmc.port) await page.getByLabel("BMC Redfish port").fill(server.bmc.port);
    if (server.bmc.basicAuth) await page.getByLabel(/Basic auth on every request/).check();
  }
  await page.getByRole("button", { name: "Preview the commit" }).click();
  await page.getByRole("button", { name: "Commit" }).click();
  return committedSha(page);
}

export async function provisionInBrowser(
  page: Page,
  server: string,
  template: string,
): Promise<string> {
  await page.goto(`/servers/${server}`);
  await page.getByLabel("Operating system template").selectOption(template);
  await page.getByRole("button", { name: "Preview: provision" }).click();
  await page.getByRole("button", { name: `Provision ${server}` }).click();
  return committedSha(page);
}

/** Waits until the real kustomize-controller applied `manifests/tinkerbell` at that commit. */
export async function appliedAt(sha: string): Promise<void> {
  await expect
    .poll(
      async () =>
        (
          await kubectlJson<{ status?: { lastAppliedRevision?: string } }>(
            "-n",
            "flux-system",
            "get",
            "kustomization/tinkerbell",
          )
        ).status?.lastAppliedRevision ?? "",
      { timeout: 90_000 },
    )
    .toMatch(new RegExp(`^main@sha1:${sha}`));
}

async function requests(port: string): Promise<RecordedRequest[]> {
  return (await (await fetch(`http://127.0.0.1:${port}/_requests`)).json()) as RecordedRequest[];
}

/** Resolves once the stack's Smee (or the artifacts server) was asked this, after `since`. */
export function asked(port: string, pathname: string, since: number, status?: number) {
  return expect
    .poll(
      async () =>
        (await requests(port)).some(
          (r) =>
            r.path === pathname &&
            Date.parse(r.at) >= since &&
            (status === undefined || r.status === status),
        ),
      { timeout: 120_000, intervals: [1_000] },
    )
    .toBe(true);
}

/**
 * Makes a server's boot media as the Boot media page does (POST, then the 303 to the download)
 * and writes them to `file`.
 */
export async function makeServerMedia(
  page: Page,
  media: { server: string; arch: "x86_64" | "aarch64"; format: "iso" | "usb" },
  file: string,
): Promise<string> {
  const made = await page.request.post(
    `/api/media/servers/${media.server}?arch=${media.arch}&format=${media.format}`,
    { headers: { origin: `http://127.0.0.1:${realStackConsolePort}` }, maxRedirects: 0 },
  );
  expect(made.status(), await made.text()).toBe(303);
  const location = made.headers().location ?? "";
  expect(location).toMatch(/^\/api\/media\/downloads\//);
  const image = await page.request.get(location);
  expect(image.status(), location).toBe(200);
  writeFileSync(file, await image.body());
  return file;
}
