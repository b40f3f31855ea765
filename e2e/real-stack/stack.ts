import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, type Page } from "@playwright/test";
import { realStackDir } from "./settings";

const execFileAsync = promisify(execFile);

/** The settings the real stack wrote for the console (DIR/env). */
export const stackEnv: Record<string, string> = Object.fromEntries(
  readFileSync(path.join(realStackDir, "env"), "utf8")
    .trim()
    .split("\n")
    .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
);

/** The pinned kubectl against the stack: what a person would type, not the console's reading. */
export async function kubectl(...args: string[]): Promise<string> {
  const binary = readFileSync(path.join(realStackDir, "kubectl-path"), "utf8").trim();
  const { stdout } = await execFileAsync(binary, args, {
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
  await kubectl("-n", "flux-system", "annotate", "--overwrite", `kustomization/${kustomization}`, `reconcile.fluxcd.io/requestedAt=${requestedAt}`);
  await expect
    .poll(async () => (await kubectlJson<{ status?: { lastHandledReconcileAt?: string } }>("-n", "flux-system", "get", `kustomization/${kustomization}`)).status?.lastHandledReconcileAt, { timeout: 60_000 })
    .toBe(requestedAt);
}

export async function signInAsLocalAdmin(page: Page): Promise<void> {
  await page.goto("/servers");
  await page.getByRole("button", { name: "Sign in as Local admin" }).click();
  await expect(page.getByTestId("signed-in-actor")).toContainText("admin");
}
