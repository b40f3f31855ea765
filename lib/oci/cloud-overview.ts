import "server-only";
import { assessFreeTier, type FreeTierAssessment } from "@/lib/oci/assess";
import { connectOci } from "@/lib/oci/auth-provider";
import {
  readFreeTierLimits,
  readPriceEstimates,
  type FreeTierLimits,
  type PriceEstimates,
} from "@/lib/oci/data-files";
import type { OciSettings } from "@/lib/settings/oci";
import type { MonthToDateCost, Section } from "@/lib/oci/types";

export type CloudOverview =
  | { state: "not-configured"; configFile: string }
  | { state: "failed"; error: string }
  | {
      state: "ready";
      method: string;
      region: string;
      compartmentId: string;
      assessment: FreeTierAssessment;
      monthToDate: Section<MonthToDateCost>;
      limits: { source: string; checked: string };
      prices: { source: string; recorded: string; verified: boolean; hoursPerMonth: number };
      readAt: string;
    };

function problem(error: unknown): string {
  return error instanceof Error ? error.message : "an unexpected error";
}

/** Everything the Cloud page shows, never throwing: each failure becomes its own message. */
export async function buildCloudOverview(
  settings: OciSettings,
  options: { cwd?: string; now?: Date } = {},
): Promise<CloudOverview> {
  const connection = await connectOci(settings);
  if (connection.state !== "ready") return connection;
  const { identity } = connection;
  let data: [FreeTierLimits, PriceEstimates];
  try {
    data = await Promise.all([readFreeTierLimits(options.cwd), readPriceEstimates(options.cwd)]);
  } catch (error) {
    return { state: "failed", error: problem(error) };
  }
  const [limits, prices] = data;
  const { readFreeTierUsage } = await import("@/lib/oci/read-usage");
  const usage = await readFreeTierUsage(identity, {
    compartmentId: settings.compartmentId,
    endpoint: settings.endpointOverride,
    now: options.now,
  });
  return {
    state: "ready",
    method: identity.method,
    region: usage.region,
    compartmentId: usage.compartmentId,
    assessment: assessFreeTier(usage, limits, prices),
    monthToDate: usage.monthToDate,
    limits: { source: limits.source, checked: limits.checked },
    prices: {
      source: prices.source,
      recorded: prices.recorded,
      verified: prices.verified_against_source,
      hoursPerMonth: prices.hours_per_month,
    },
    readAt: (options.now ?? new Date()).toISOString(),
  };
}
