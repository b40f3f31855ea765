import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "./lib/reference";

const bin = path.join(repoRoot, "node_modules/.bin/secretlint");
const config = path.join(repoRoot, "tests/platform/secretlintrc.json");

// Deliberate fake credentials in other teams' tests, until their lines carry a
// `// secretlint-disable-line` marker (the way to declare a fixture). Pinned by file, rule and
// count: a new finding anywhere, or another one in the same file, still fails.
const knownFixtures: { file: string; ruleId: string; count: number; reason: string }[] = [
  {
    file: "tests/settings/parse-env.test.ts",
    ruleId: "@secretlint/secretlint-rule-basicauth",
    count: 1,
    reason: "a made-up user:secret URL the settings schema must refuse",
  },
  {
    file: "tests/db/health.test.ts",
    ruleId: "@secretlint/secretlint-rule-database-connection-string",
    count: 2,
    reason: "a made-up loopback PostgreSQL URL for the health check's failure path",
  },
];

interface Finding {
  file: string;
  ruleId: string;
}

let scans = 0;

function scan(files: string[]): Finding[] {
  // A file, not stdout: secretlint exits before a large piped report is flushed.
  const output = path.join(work, `report-${scans++}.json`);
  const result = spawnSync(
    bin,
    ["--secretlintrc", config, "--format", "json", "--output", output, ...files],
    {
      cwd: repoRoot,
      encoding: "utf8",
    },
  );
  if (result.status !== 0 && result.status !== 1)
    throw new Error(result.stderr || "secretlint did not run");
  const report = JSON.parse(readFileSync(output, "utf8")) as {
    filePath: string;
    messages: { ruleId: string }[];
  }[];
  return report.flatMap((r) =>
    r.messages.map((m) => ({ file: path.relative(repoRoot, r.filePath), ruleId: m.ruleId })),
  );
}

const work = mkdtempSync(path.join(tmpdir(), "foundry-secrets-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("no secret in the repository (secretlint, recommended preset)", () => {
  it("finds nothing in the git-tracked files beyond the listed fixtures", () => {
    const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: repoRoot, encoding: "utf8" })
      .split("\0")
      .filter((f) => f !== "" && !f.endsWith("package-lock.json"));
    const findings = scan(tracked);
    const unexpected = findings.filter((f) => {
      const fixture = knownFixtures.find((k) => k.file === f.file && k.ruleId === f.ruleId);
      return (
        !fixture ||
        findings.filter((g) => g.file === f.file && g.ruleId === f.ruleId).length > fixture.count
      );
    });
    expect(unexpected, "mark a deliberate test fixture with // secretlint-disable-line").toEqual(
      [],
    );
    // Every tracked file through every rule: on two busy cores this takes longer than most tests.
  }, 180_000);

  it("does catch a secret (the scanner is not silently off)", () => {
    // Built at run time, so this file itself holds no token-shaped string.
    const token = ["ghp", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"].join("_");
    const file = path.join(work, "leak.txt");
    writeFileSync(file, `token = "${token}"\n`);
    expect(scan([file]).map((f) => f.ruleId)).toContain("@secretlint/secretlint-rule-github");
  });
});
