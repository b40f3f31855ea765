// The sandbox cluster as a process: `node --import tsx e2e/sandbox/main.ts`, started by
// scripts/start-standalone.mjs when FOUNDRY_SANDBOX=auto and no cluster is configured.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startKubeApiDouble } from "./api-server";
import { sandboxKubeconfig } from "./kubeconfig";
import { startReconciler } from "./reconciler";
import { addSecretsPart } from "./secrets-part";
import { addSmeePart } from "./smee-part";

const dataDir = path.resolve(process.env.FOUNDRY_DATA_DIR ?? "data");
const gitUrl = process.env.FOUNDRY_GIT_URL?.trim() || path.join(dataDir, "gitops.git");
const repository = gitUrl.startsWith("file://") ? new URL(gitUrl).pathname : gitUrl;
const consolePort = process.env.PORT ?? "3000";
const secret = process.env.FLUX_WEBHOOK_SECRET;

async function main(): Promise<void> {
  const api = await startKubeApiDouble({ port: Number(process.env.FOUNDRY_SANDBOX_PORT ?? 0) });
  // First-boot enrollment creates K3s bootstrap tokens as Secrets in kube-system.
  addSecretsPart(api);
  // Boot media chain to Smee; the demo's Smee is the sandbox's (scripts/start-standalone.mjs).
  addSmeePart(api);
  if (/^https?:\/\//.test(repository)) {
    console.warn(
      "sandbox: the GitOps repository is remote; the sandbox plays Flux only for a local repository",
    );
  } else {
    startReconciler({
      api,
      repository,
      branch: process.env.FOUNDRY_GIT_BRANCH ?? "main",
      manifestsPath: process.env.FOUNDRY_MANIFESTS_PATH ?? "manifests",
      webhook: secret
        ? { url: `http://127.0.0.1:${consolePort}/api/webhooks/flux`, secret }
        : undefined,
      demo: process.env.FOUNDRY_SANDBOX_DEMO === "on",
      stepMs: Number(process.env.FOUNDRY_SANDBOX_STEP_MS ?? 1_500),
    });
  }
  const kubeconfig = path.join(dataDir, "sandbox", "kubeconfig");
  mkdirSync(path.dirname(kubeconfig), { recursive: true });
  writeFileSync(kubeconfig, sandboxKubeconfig(api.url), { mode: 0o600 });
  console.log(`sandbox: Kubernetes API double at ${api.url}, kubeconfig ${kubeconfig}`);

  // Ends with the console that started it, even when that one is killed without a word.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(0);
  }, 1_000).unref();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => void api.close().then(() => process.exit(0)));
  }
}

void main();
