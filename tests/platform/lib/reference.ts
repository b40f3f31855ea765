import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { goModuleDir } from "./go-module";
import { keptFileName, schemasFromCrd, type KeptSchema } from "./crd-schema";

export const repoRoot = path.resolve(__dirname, "../../..");
export const schemaDir = path.resolve(__dirname, "../schemas");

const fluxControllers = [
  "source-controller",
  "kustomize-controller",
  "helm-controller",
  "notification-controller",
] as const;

/** One folder of CRDs of a pinned version, and what it is called in a kept schema's `source`. */
interface CrdFolder {
  dir: string;
  source: string;
}

// The versions come from scripts/real-stack/versions.sh, the one reader of the platform's pins.
function pinned(expression: string): string {
  return execFileSync("bash", ["-c", `. scripts/real-stack/versions.sh && ${expression}`], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, GOFLAGS: "-mod=mod", GOTOOLCHAIN: "local" },
    timeout: 600_000,
  }).trim();
}

/** The CRDs of each Flux controller the pinned Flux release ships, from that controller's module. */
export function fluxCrdFolders(): CrdFolder[] {
  return fluxControllers.map((controller) => {
    const version = pinned(`flux_controller_version ${controller}`);
    const module = `github.com/fluxcd/${controller}`;
    return {
      dir: path.join(goModuleDir(module, version), "config/crd/bases"),
      source: `${module}@${version}/config/crd/bases`,
    };
  });
}

/** The Gateway API CRDs at the tag the tree's GitRepository pins, from the gateway-api module. */
export function gatewayApiCrdFolder(): CrdFolder {
  const version = pinned("echo $REAL_STACK_GATEWAY_API");
  const module = "sigs.k8s.io/gateway-api";
  return {
    dir: path.join(goModuleDir(module, version), "config/crd/standard"),
    source: `${module}@${version}/config/crd/standard`,
  };
}

export const realStackCache =
  process.env.REAL_STACK_CACHE ?? path.join(homedir(), ".cache/metal-foundry/real-stack");

/**
 * Tinkerbell's CRDs as the pinned release installs them: generated from its api module by
 * `bash scripts/real-stack/build.sh tinkerbell` (controller-gen is a build, so it is not done here).
 */
export function tinkerbellCrdFolder(): CrdFolder {
  const version = pinned("echo $REAL_STACK_TINKERBELL");
  return {
    dir: path.join(realStackCache, "crds", `tinkerbell-${version}`),
    source: `github.com/tinkerbell/tinkerbell/api@${version} (controller-gen, as the release's crd/bases)`,
  };
}

export function hasTinkerbellCrds(): boolean {
  return existsSync(path.join(tinkerbellCrdFolder().dir, "tinkerbell.org_hardware.yaml"));
}

/** The kept schemas, converted afresh from the CRDs of every version the platform pins. */
export function schemasFromPinnedCrds(
  folders = [...fluxCrdFolders(), tinkerbellCrdFolder(), gatewayApiCrdFolder()],
): Map<string, KeptSchema> {
  const out = new Map<string, KeptSchema>();
  for (const { dir, source } of folders) {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith(".yaml"))
      .sort()) {
      for (const kept of schemasFromCrd(path.join(dir, file), `${source}/${file}`)) {
        out.set(keptFileName(kept), kept);
      }
    }
  }
  return out;
}
