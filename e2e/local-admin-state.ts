import os from "node:os";
import path from "node:path";

/** Where the setup project keeps the local admin's cookies (stable across Playwright's workers). */
export const localAdminStorageState = path.join(
  os.tmpdir(),
  `foundry-e2e-local-admin-${process.env.E2E_PORT ?? 3107}.json`,
);
