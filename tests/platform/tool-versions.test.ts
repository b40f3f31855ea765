import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./lib/reference";

function bash(script: string): string {
  return execFileSync("bash", ["-c", script], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, GOTOOLCHAIN: "local", GOFLAGS: "-mod=mod" },
  }).trim();
}

// The go.mod of MODULE@VERSION, from the Go module proxy (cached).
function goMod(module: string, version: string): string {
  const info = JSON.parse(bash(`go mod download -json ${module}@${version}`)) as { GoMod: string };
  return readFileSync(info.GoMod, "utf8");
}

function kustomizeApi(mod: string): string | undefined {
  const replaced = /sigs\.k8s\.io\/kustomize\/api => \S+ (v\S+)/.exec(mod);
  return replaced?.[1] ?? /sigs\.k8s\.io\/kustomize\/api (v\S+)/.exec(mod)?.[1];
}

describe("the pinned tools match what the platform runs", () => {
  it("kustomize builds with the kustomize/api of the pinned Flux's kustomize-controller", () => {
    const kustomize = bash(". scripts/tools/versions.sh && echo $TOOLS_KUSTOMIZE");
    const controller = bash(
      ". scripts/real-stack/versions.sh && flux_controller_version kustomize-controller",
    );
    const ours = kustomizeApi(goMod("sigs.k8s.io/kustomize/kustomize/v5", kustomize));
    const flux = kustomizeApi(goMod("github.com/fluxcd/kustomize-controller", controller));
    expect(ours).toBeDefined();
    expect(ours).toBe(flux);
  }, 120_000);

  it("the workflows' Terraform satisfies versions.tf and has the oci backend (>= 1.12)", () => {
    const versionsTf = readFileSync(path.join(repoRoot, "infra/terraform/versions.tf"), "utf8");
    const required = /required_version = ">= (\d+)\.(\d+)\.(\d+)"/.exec(versionsTf);
    expect(required).not.toBeNull();
    for (const name of ["validate.yml", "terraform.yml"]) {
      const wf = readFileSync(path.join(repoRoot, ".github/workflows", name), "utf8");
      const pinned = /terraform_version: (\d+)\.(\d+)\.(\d+)/.exec(wf);
      expect(pinned, name).not.toBeNull();
      const [major, minor] = [Number(pinned?.[1]), Number(pinned?.[2])];
      expect(major * 100 + minor, name).toBeGreaterThanOrEqual(
        Number(required?.[1]) * 100 + Number(required?.[2]),
      );
      expect(major * 100 + minor, name).toBeGreaterThanOrEqual(112);
    }
  });
});
