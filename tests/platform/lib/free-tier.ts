import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./reference";

export interface FreeTierLimits {
  source: string;
  checked: string;
  notes: string[];
  always_free_shapes: string[];
  shapes: { micro: string; a1: string };
  limits: Record<
    | "micro_instances"
    | "a1_ocpus"
    | "a1_memory_gb"
    | "volumes_gb"
    | "boot_volume_min_gb"
    | "vcns"
    | "load_balancers",
    number
  >;
  previous: { a1_ocpus: number; a1_memory_gb: number; until: string };
}

export function freeTierLimits(): FreeTierLimits {
  return JSON.parse(
    readFileSync(path.join(repoRoot, "infra/free-tier-limits.json"), "utf8"),
  ) as FreeTierLimits;
}
