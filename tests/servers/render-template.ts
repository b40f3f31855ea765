import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

const source = path.resolve(import.meta.dirname, "../support/tink-render");

// Built once per version of its source, outside the repository, like the real stack's programs.
function renderer(): string {
  const digest = createHash("sha256");
  for (const file of ["main.go", "go.mod", "go.sum"])
    digest.update(readFileSync(path.join(source, file)));
  const cache = process.env.REAL_STACK_CACHE ?? path.join(homedir(), ".cache/metal-foundry");
  const binary = path.join(
    cache,
    `tink-render-${digest.digest("hex").slice(0, 16)}`,
    "tink-render",
  );
  if (existsSync(binary)) return binary;
  const building = `${binary}.${process.pid}`;
  mkdirSync(path.dirname(binary), { recursive: true });
  execFileSync("go", ["build", "-trimpath", "-o", building, "."], {
    cwd: source,
    env: { ...process.env, GOTOOLCHAIN: "local", GOFLAGS: "-mod=readonly", CGO_ENABLED: "0" },
    stdio: ["ignore", "ignore", "pipe"],
    timeout: 600_000,
  });
  renameSync(building, binary);
  return binary;
}

/**
 * A Template's `spec.data` rendered for a Workflow's hardwareMap as the pinned Tinkerbell renders
 * it (tests/support/tink-render: Go's text/template with sprig and formatPartition, missing keys
 * an error). Throws Tinkerbell's reason when it would refuse the template.
 */
export function renderTemplate(
  text: string,
  values: Record<string, string>,
  references: Record<string, unknown> = {},
): string {
  try {
    return execFileSync(renderer(), {
      input: JSON.stringify({ template: text, data: { ...values, references } }),
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    throw new Error(`Tinkerbell would not render this template: ${stderr?.trim() ?? error}`);
  }
}
