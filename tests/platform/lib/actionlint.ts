import { spawnSync } from "node:child_process";
import { repoRoot } from "./reference";
import { tool } from "./tools";

export interface LintResult {
  ok: boolean;
  findings: string[];
}

// actionlint on the given workflow files (default: the repository's .github/workflows), with
// every run: block through shellcheck. shellcheck is required, so the shell check is never
// silently skipped (actionlint itself skips it when shellcheck is not on PATH).
export function actionlint(files: string[] = [], cwd = repoRoot): LintResult {
  const shellcheck = spawnSync("shellcheck", ["--version"], { encoding: "utf8" });
  if (shellcheck.status !== 0) throw new Error("shellcheck is not installed (scripts/test.sh)");
  const result = spawnSync(
    tool("actionlint"),
    ["-no-color", "-oneline", "-shellcheck", "shellcheck", ...files],
    { cwd, encoding: "utf8" },
  );
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`actionlint failed to run: ${result.stderr || result.stdout}`);
  }
  const findings = result.stdout.split("\n").filter((line) => line.trim() !== "");
  return { ok: result.status === 0 && findings.length === 0, findings };
}
