import { execFileSync } from "node:child_process";
import path from "node:path";

let binary: string | undefined;

/** The renderer, built once per version of its source (tests/support/tink-render/build.sh). */
export function tinkRenderBinary(): string {
  // From the repository root, where vitest and Playwright (the real stack's stand-in) run.
  binary ??= execFileSync("bash", [path.resolve("tests/support/tink-render/build.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 600_000,
  }).trim();
  return binary;
}

/**
 * A Template's `spec.data` rendered for a Workflow's hardwareMap as the pinned Tinkerbell renders
 * it (tests/support/tink-render: Go's text/template with sprig and formatPartition, missing keys
 * an error), with the Hardware as `.hardware` and its references as `.references`. Throws
 * Tinkerbell's reason when it would refuse the template.
 */
export function renderTemplate(
  text: string,
  values: Record<string, string>,
  objects: { hardware?: unknown; references?: Record<string, unknown> } = {},
): string {
  const data = {
    ...values,
    hardware: objects.hardware ?? {},
    references: objects.references ?? {},
  };
  try {
    return execFileSync(tinkRenderBinary(), {
      input: JSON.stringify({ template: text, data }),
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    throw new Error(`Tinkerbell would not render this template: ${stderr?.trim() ?? error}`);
  }
}

/**
 * The references Tinkerbell resolves for a console-registered Hardware: its claim Secret as the
 * API server returns it (data in base64), holding `secret`.
 */
export function claimReferences(secret = "test-claim-secret"): Record<string, unknown> {
  return {
    foundry_claim: {
      apiVersion: "v1",
      kind: "Secret",
      data: { secret: Buffer.from(secret, "utf8").toString("base64") },
    },
  };
}
