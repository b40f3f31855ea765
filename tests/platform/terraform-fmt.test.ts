import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./lib/reference";
import { tool } from "./lib/tools";

// The fork's pull requests run `terraform fmt -check`; Terraform cannot be built from the Go
// proxy here, OpenTofu can (about three minutes cold) and formats HCL with the same rules
// (hclwrite). `validate` needs the OCI provider from its registry, which this machine cannot
// download: it runs in the fork's CI only.
let tofu = "";
beforeAll(() => {
  tofu = tool("tofu");
}, 900_000);

const work = mkdtempSync(path.join(tmpdir(), "foundry-fmt-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fmtCheck(dir: string): { status: number | null; output: string } {
  const r = spawnSync(tofu, ["fmt", "-check", "-recursive", "-diff", "-no-color", dir], {
    encoding: "utf8",
    env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null" },
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

describe("infra/terraform through `fmt -check` (OpenTofu)", () => {
  it("is formatted", () => {
    const { status, output } = fmtCheck(path.join(repoRoot, "infra/terraform"));
    expect(output).toBe("");
    expect(status).toBe(0);
  });

  it("fails on a file that is not (the check is not silently off)", () => {
    writeFileSync(path.join(work, "main.tf"), 'locals {\n  a = "x"\n  bb = "y"\n}\n');
    expect(fmtCheck(work).status).not.toBe(0);
  });
});
