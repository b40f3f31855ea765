import { assessInstances } from "@/lib/oci/assess-instances";
import { assessLoadBalancers } from "@/lib/oci/assess-load-balancers";
import { assessBuckets, assessVolumes } from "@/lib/oci/assess-storage";
import type { Assessed, Meter } from "@/lib/oci/charge";
import type { FreeTierLimits, PriceEstimates } from "@/lib/oci/data-files";
import type {
  BucketUsage,
  FreeTierUsage,
  InstanceUsage,
  LoadBalancerUsage,
  Section,
  VolumeUsage,
} from "@/lib/oci/types";

export type { Assessed, Charge, Meter } from "@/lib/oci/charge";

export type FreeTierAssessment = {
  instances: Section<Assessed<InstanceUsage>[]>;
  volumes: Section<Assessed<VolumeUsage>[]>;
  buckets: Section<Assessed<BucketUsage>[]>;
  loadBalancers: Section<Assessed<LoadBalancerUsage>[]>;
  meters: Meter[];
  monthlyUsd: number;
  flagged: number;
  /** False when a call failed: the total covers only what could be read. */
  complete: boolean;
};

function mapSection<T, U>(section: Section<T>, map: (value: T) => U): Section<U> {
  return section.ok ? { ok: true, value: map(section.value) } : section;
}

function totals(sections: Section<Assessed<object>[]>[]) {
  let monthlyUsd = 0;
  let flagged = 0;
  for (const section of sections) {
    if (!section.ok) continue;
    for (const { charge } of section.value) {
      if (!charge.costsMoney) continue;
      monthlyUsd += charge.monthlyUsd;
      flagged += 1;
    }
  }
  return { monthlyUsd, flagged, complete: sections.every((section) => section.ok) };
}

/** Compares what the tenancy holds with infra/free-tier-limits.json, the file Terraform reads. */
export function assessFreeTier(
  usage: FreeTierUsage,
  limits: FreeTierLimits,
  prices: PriceEstimates,
): FreeTierAssessment {
  const meters: Meter[] = [];
  const take = <T, U>(
    section: Section<T[]>,
    assess: (items: T[]) => { assessed: U[]; meters: Meter[] },
  ) =>
    mapSection(section, (items) => {
      const result = assess(items);
      meters.push(...result.meters);
      return result.assessed;
    });
  const instances = take(usage.instances, (items) => assessInstances(items, limits, prices));
  const volumes = take(usage.volumes, (items) => assessVolumes(items, limits, prices));
  const buckets = take(usage.buckets, (items) => assessBuckets(items, limits, prices));
  const loadBalancers = take(usage.loadBalancers, (items) =>
    assessLoadBalancers(items, limits, prices),
  );
  return {
    instances,
    volumes,
    buckets,
    loadBalancers,
    meters,
    ...totals([instances, volumes, buckets, loadBalancers]),
  };
}
