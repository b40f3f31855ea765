import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { stringify } from "yaml";
import { e2eGitHubSecret, sandboxPort } from "./sandbox/e2e-settings";

const sandbox = `http://127.0.0.1:${sandboxPort}`;
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "e2e",
      GIT_AUTHOR_EMAIL: "e2e@example.com",
      GIT_COMMITTER_NAME: "e2e",
      GIT_COMMITTER_EMAIL: "e2e@example.com",
    },
  })
    .toString()
    .trim();

function addResource(file: string, entry: string): void {
  const text = readFileSync(file, "utf8");
  writeFileSync(
    file,
    text.includes("resources: []")
      ? text.replace("resources: []", `resources:\n  - ${entry}`)
      : `${text.trimEnd()}\n  - ${entry}\n`,
  );
}

/*
 * The Hardware and Workflow are committed outside the console (as a person with git would),
 * followed by GitHub's signed push webhook; the sandbox plays Flux and Tinkerbell from there.
 */
test("a server's timeline advances to node Ready in the sandbox", async ({ page, request }) => {
  test.setTimeout(60_000);
  const name = `e2e-node-${Date.now().toString(36)}`;
  const info = (await (await request.get(`${sandbox}/sandbox/info`)).json()) as {
    repository: string;
    branch: string;
    manifestsPath: string;
  };
  const work = mkdtempSync(path.join(os.tmpdir(), "foundry-e2e-commit-"));
  git(work, "clone", "--quiet", "--branch", info.branch, info.repository, ".");
  const tinkerbell = path.join(work, info.manifestsPath, "tinkerbell");
  const hardware = {
    apiVersion: "tinkerbell.org/v1alpha1",
    kind: "Hardware",
    metadata: { name, namespace: "tinkerbell" },
    spec: {
      interfaces: [
        {
          dhcp: { mac: "02:00:00:00:00:42", hostname: name, arch: "x86_64" },
          netboot: { allowPXE: false, allowWorkflow: true },
        },
      ],
      metadata: { instance: { hostname: name } },
    },
  };
  const workflow = {
    apiVersion: "tinkerbell.org/v1alpha1",
    kind: "Workflow",
    metadata: { name: `${name}-1`, namespace: "tinkerbell" },
    spec: { templateRef: "ubuntu-noble", hardwareRef: name },
  };
  writeFileSync(path.join(tinkerbell, "hardware", `${name}.yaml`), stringify(hardware));
  writeFileSync(path.join(tinkerbell, "workflows", `${name}-1.yaml`), stringify(workflow));
  addResource(path.join(tinkerbell, "hardware", "kustomization.yaml"), `${name}.yaml`);
  addResource(path.join(tinkerbell, "workflows", "kustomization.yaml"), `${name}-1.yaml`);
  git(work, "add", "-A");
  git(work, "commit", "--quiet", "-m", `servers: register ${name}`);
  git(work, "push", "--quiet", "origin", info.branch);
  const sha = git(work, "rev-parse", "HEAD");

  const push = JSON.stringify({
    ref: `refs/heads/${info.branch}`,
    before: "0".repeat(40),
    after: sha,
    repository: { full_name: "local/gitops" },
    head_commit: { id: sha, message: `servers: register ${name}` },
  });
  const pushed = await request.post("/api/webhooks/github", {
    data: push,
    headers: {
      "Content-Type": "application/json",
      "X-GitHub-Event": "push",
      "X-GitHub-Delivery": `e2e-${name}`,
      "X-Hub-Signature-256": `sha256=${createHmac("sha256", e2eGitHubSecret).update(push).digest("hex")}`,
    },
  });
  expect(pushed.status()).toBe(202);

  const timeline = async () =>
    (await (await page.request.get(`/api/timeline/servers/${name}`)).json()) as {
      steps: { key: string; state: string }[];
    };
  const stateOf = async (key: string) =>
    (await timeline()).steps.find((step) => step.key === key)?.state;
  await expect.poll(() => stateOf("hardware"), { timeout: 15_000 }).toBe("done");
  expect(await stateOf("node-ready")).toBe("waiting");

  await page.goto("/nodes");
  await expect(page.locator("html")).toHaveAttribute("data-live", "connected");
  expect((await request.post(`${sandbox}/sandbox/boot/${name}`)).status()).toBe(202);
  await expect.poll(() => stateOf("workflow"), { timeout: 10_000 }).toMatch(/current|done/);
  await expect.poll(() => stateOf("node-ready"), { timeout: 20_000 }).toBe("done");
  expect(await stateOf("succeeded")).toBe("done");
  // The Nodes page, open all along, shows the new node Ready and its server without a reload.
  const row = page.getByTestId(`node-${name}`);
  await expect(row).toContainText("Ready");
  await expect(row).toContainText(name);
});
