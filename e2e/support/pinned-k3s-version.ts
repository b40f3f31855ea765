import { readFileSync } from "node:fs";
import path from "node:path";

/** The K3s release the platform pins: the default of `k3s_version` in infra/terraform. */
export function pinnedK3sVersion(): string {
  // From the repository root, where vitest and Playwright run (Playwright's CommonJS has no
  // import.meta).
  const variables = readFileSync(path.resolve("infra/terraform/variables.tf"), "utf8");
  const found = /variable "k3s_version" \{[^}]*?default\s*=\s*"([^"]+)"/s.exec(variables)?.[1];
  if (!found) throw new Error("infra/terraform/variables.tf has no default for k3s_version");
  return found;
}
