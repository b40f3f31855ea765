import { execFileSync } from "node:child_process";
import path from "node:path";
import { repoRoot } from "./reference";

export type ToolName = "actionlint" | "kustomize" | "tofu";

// The path of a pinned tool, built from its Go module on first use and cached by version
// (scripts/tools/build.sh); the fork's workflows build theirs with the same script.
export function tool(name: ToolName): string {
  return execFileSync("bash", [path.join(repoRoot, "scripts/tools/build.sh"), name], {
    cwd: repoRoot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
}
