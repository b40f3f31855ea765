import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// The source of MODULE@VERSION from the Go module proxy, cached in the Go module cache: the
// upstream files the platform's pins are read against (as scripts/real-stack/versions.sh does).
export function goModuleDir(module: string, version: string): string {
  const out = execFileSync("go", ["mod", "download", "-json", `${module}@${version}`], {
    cwd: mkdtempSync(path.join(tmpdir(), "go-module-")),
    env: { ...process.env, GOFLAGS: "-mod=mod", GOTOOLCHAIN: "local" },
    encoding: "utf8",
    timeout: 600_000,
  });
  const info = JSON.parse(out) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download ${module}@${version}: ${info.Error ?? "no Dir"}`);
  return info.Dir;
}
