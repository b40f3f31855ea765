import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/chromium";
import { realStackConsolePort } from "./e2e/real-stack/settings";

// The console against the real control plane on loopback (docs/platform/real-stack.md). The
// global setup builds (cached) and starts the stack, then the built standalone console with the
// settings the stack writes, and a sandbox console beside it; the specs run in order against that
// one stack.
export default defineConfig({
  testDir: "e2e/real-stack",
  testMatch: "**/*.real.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 120_000,
  globalSetup: "./e2e/real-stack/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${realStackConsolePort}`,
    launchOptions: chromiumLaunchOptions,
  },
});
