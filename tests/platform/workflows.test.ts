import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { actionlint } from "./lib/actionlint";
import { repoRoot } from "./lib/reference";
import { tool } from "./lib/tools";
import { walk } from "./lib/yaml-files";

const workflowDir = path.join(repoRoot, ".github/workflows");
const workflows = walk(workflowDir, (n) => /\.ya?ml$/.test(n));
const work = mkdtempSync(path.join(tmpdir(), "foundry-workflows-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  tool("actionlint");
}, 300_000);

describe("the fork's GitHub workflows through actionlint (and shellcheck for run: steps)", () => {
  it("has the three workflows", () => {
    expect(workflows.map((f) => path.basename(f)).sort()).toEqual([
      "console-image.yml",
      "terraform.yml",
      "validate.yml",
    ]);
  });

  it("passes with no finding", () => {
    expect(actionlint().findings).toEqual([]);
  });

  it("fails on a deliberately broken copy (a bad expression and a shellcheck finding)", () => {
    const dir = path.join(work, ".github/workflows");
    mkdirSync(dir, { recursive: true });
    const broken = readFileSync(path.join(workflowDir, "validate.yml"), "utf8")
      .replace("run: npm run validate:manifests", 'run: echo "${{ github.shaa }}"')
      .replace("run: npm run validate:secrets", "run: cd $HOME_DIR && ls");
    writeFileSync(path.join(dir, "validate.yml"), broken);
    copyFileSync(path.join(workflowDir, "terraform.yml"), path.join(dir, "terraform.yml"));
    const result = actionlint([path.join(dir, "validate.yml"), path.join(dir, "terraform.yml")]);
    expect(result.ok).toBe(false);
    const text = result.findings.join("\n");
    expect(text).toMatch(/shaa/);
    expect(text).toMatch(/shellcheck/);
    expect(text).not.toMatch(/terraform\.yml/);
  });
});

describe("what each workflow promises (GitHub's documented workflow syntax)", () => {
  const read = (name: string): Record<string, unknown> =>
    parse(readFileSync(path.join(workflowDir, name), "utf8")) as Record<string, unknown>;
  const text = (name: string): string => readFileSync(path.join(workflowDir, name), "utf8");

  it("pins every action by a full commit SHA with its release tag beside it", () => {
    for (const file of workflows) {
      const uses = [...readFileSync(file, "utf8").matchAll(/uses:\s*(\S+)(.*)$/gm)];
      expect(uses.length, file).toBeGreaterThan(0);
      for (const [, ref, comment] of uses) {
        expect(ref, file).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
        expect(comment, `${file} ${ref}`).toMatch(/# v\d+\.\d+\.\d+$/);
      }
    }
  });

  it("checks pull requests with the same npm scripts the project's tests run", () => {
    const scripts = (
      JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(read("validate.yml").on).toHaveProperty("pull_request");
    for (const name of ["validate:manifests", "validate:workflows", "validate:secrets"]) {
      expect(text("validate.yml")).toContain(`npm run ${name}`);
      expect(scripts[name], name).toBeDefined();
    }
    expect(scripts["validate:secrets"]).toBe("vitest run tests/platform/secrets.test.ts");
    expect(text("validate.yml")).toMatch(/terraform fmt -check -recursive/);
    expect(text("validate.yml")).toMatch(/terraform validate/);
  });

  it("builds the console for amd64 and arm64 into the fork's GHCR, lower-cased, and pins it", () => {
    const body = text("console-image.yml");
    expect(body).toContain("platforms: linux/amd64,linux/arm64");
    expect(body).toContain('echo "name=ghcr.io/${GITHUB_REPOSITORY,,}"');
    expect(body).toContain(":${{ github.sha }}");
    expect(body).toContain("packages: write");
    expect(body).toContain("npx tsx scripts/ci/pin-console-image.ts");
  });

  it("gets OCI credentials only from GitHub's OIDC token, on main, with no job environment", () => {
    const wf = read("terraform.yml") as {
      on: { push: { branches: string[] } };
      jobs: Record<string, { permissions?: Record<string, string>; environment?: unknown }>;
    };
    expect(wf.on.push.branches).toEqual(["main"]);
    const job = wf.jobs.terraform;
    expect(job?.permissions?.["id-token"]).toBe("write");
    // An environment would make the subject repo:…:environment:NAME, which the trust refuses.
    expect(job?.environment).toBeUndefined();
    expect(text("terraform.yml")).not.toMatch(/OCI_(API_)?KEY|private_key|fingerprint/i);
  });
});
