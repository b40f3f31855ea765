import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pinConsoleImage } from "../../scripts/ci/console-image-pin";
import { repoRoot } from "./lib/reference";

const source = path.join(repoRoot, "manifests/apps/foundry-console/kustomization.yaml");
// Inside the repository, so Prettier resolves the project's own configuration for the copy.
const work = mkdtempSync(path.join(repoRoot, "tests/platform/.pin-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const sha = "0123456789abcdef0123456789abcdef01234567";

describe("scripts/ci/pin-console-image.ts (the pin commit CI makes after a build)", () => {
  it("sets only the foundry-console tag, keeps the comments, and stays Prettier-clean", async () => {
    const file = path.join(work, "kustomization.yaml");
    copyFileSync(source, file);
    expect(await pinConsoleImage(sha, file)).toBe(true);
    const before = readFileSync(source, "utf8").split("\n");
    const after = readFileSync(file, "utf8").split("\n");
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed).toEqual([`    newTag: ${sha}`]);
    expect(after).toContain("    newName: ${CONSOLE_IMAGE}");
    const prettier = path.join(repoRoot, "node_modules/.bin/prettier");
    const check = spawnSync(prettier, ["--check", file], { cwd: repoRoot, encoding: "utf8" });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(await pinConsoleImage(sha, file)).toBe(false);
  });

  it("refuses what is not an image tag", async () => {
    await expect(pinConsoleImage("not a tag", path.join(work, "x.yaml"))).rejects.toThrow(/tag/);
  });
});
