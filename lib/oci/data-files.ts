import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/** Only the figures the Cloud page compares against; Terraform reads the same file. */
export const freeTierLimitsSchema = z.object({
  source: z.string().url(),
  checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-11-21"),
  always_free_shapes: z.array(z.string().min(1)).min(1),
  shapes: z.object({ micro: z.string().min(1), a1: z.string().min(1) }),
  limits: z.object({
    micro_instances: z.number().int().nonnegative(),
    a1_ocpus: z.number().nonnegative(),
    a1_memory_gb: z.number().nonnegative(),
    volumes_gb: z.number().nonnegative(),
    load_balancers: z.number().int().nonnegative(),
    object_storage_gb: z.number().nonnegative(),
  }),
});

export type FreeTierLimits = z.infer<typeof freeTierLimitsSchema>;

export const priceEstimatesSchema = z.object({
  estimate: z.literal(true),
  currency: z.literal("USD"),
  source: z.string().url(),
  recorded: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-11-21"),
  verified_against_source: z.boolean(),
  hours_per_month: z.number().positive(),
  compute: z.record(
    z.string(),
    z.object({ ocpu_hour: z.number().nonnegative(), memory_gb_hour: z.number().nonnegative() }),
  ),
  compute_fallback: z.object({
    ocpu_hour: z.number().nonnegative(),
    memory_gb_hour: z.number().nonnegative(),
  }),
  block_volume: z.object({
    gb_month: z.number().nonnegative(),
    vpu_gb_month: z.number().nonnegative(),
  }),
  object_storage: z.object({ gb_month: z.number().nonnegative() }),
  load_balancer: z.object({
    base_hour: z.number().nonnegative(),
    mbps_hour: z.number().nonnegative(),
  }),
});

export type PriceEstimates = z.infer<typeof priceEstimatesSchema>;

export const freeTierLimitsFile = "infra/free-tier-limits.json";
export const priceEstimatesFile = "infra/oci-price-estimates.json";

/**
 * Read from disk, not imported, so the standalone build reads the very file Terraform reads
 * (`scripts/assemble-standalone.mjs` copies both next to the server).
 */
async function readDataFile<T>(relative: string, schema: z.ZodType<T>, cwd: string): Promise<T> {
  const file = path.join(cwd, relative);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new Error(`${relative} could not be read at ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${relative} is not valid JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new Error(`${relative} is not in the expected shape: ${problems.join("; ")}`);
  }
  return parsed.data;
}

export function readFreeTierLimits(cwd = process.cwd()): Promise<FreeTierLimits> {
  return readDataFile(freeTierLimitsFile, freeTierLimitsSchema, cwd);
}

export function readPriceEstimates(cwd = process.cwd()): Promise<PriceEstimates> {
  return readDataFile(priceEstimatesFile, priceEstimatesSchema, cwd);
}
