import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/chromium";
import { localAdminStorageState } from "./e2e/local-admin-state";
import { sandboxSettings } from "./e2e/sandbox/e2e-settings";

// Each run starts the built standalone console on its own empty data dir: embedded SQLite and an
// embedded GitOps repository, nothing shared with a developer's ./data.
const port = Number(process.env.E2E_PORT ?? 3107);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "foundry-e2e-"));

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: "setup", testMatch: "auth.setup.ts" },
    {
      name: "console",
      testIgnore: "auth.spec.ts",
      dependencies: ["setup"],
      use: { storageState: localAdminStorageState },
    },
    // Starts its own console with GitHub sign-in against e2e/doubles/github-oauth.ts.
    { name: "github-sign-in", testMatch: "auth.spec.ts", timeout: 60_000 },
  ],
  webServer: {
    command: "node scripts/start-standalone.mjs",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      FOUNDRY_DATA_DIR: dataDir,
      ...sandboxSettings,
    },
  },
});
