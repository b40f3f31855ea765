import type { FreeTierLimits, PriceEstimates } from "@/lib/oci/data-files";
import type {
  BucketUsage,
  FreeTierUsage,
  InstanceUsage,
  LoadBalancerUsage,
  Section,
  VolumeUsage,
} from "@/lib/oci/types";

/** Always Free: $0.00. Anything else: flagged, with an estimate for a whole month. */
export type Charge =
  | { costsMoney: false; note?: string }
  | { costsMoney: true; monthlyUsd: number; reason: string };

export type Assessed<T> = T & { charge: Charge };

export type Meter = { label: string; used: number; limit: number; unit: string };

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

const free: Charge = { costsMoney: false };
const bytesPerGb = 1024 ** 3;
const round = (value: number) => Math.round(value * 1000) / 1000;
const byAge = <T extends { createdAt: string }>(items: T[]) =>
  [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

function mapSection<T, U>(section: Section<T>, map: (value: T) => U): Section<U> {
  return section.ok ? { ok: true, value: map(section.value) } : section;
}

function assessInstances(items: InstanceUsage[], limits: FreeTierLimits, prices: PriceEstimates) {
  const { micro, a1 } = limits.shapes;
  let micros = 0;
  let ocpusLeft = limits.limits.a1_ocpus;
  let memoryLeft = limits.limits.a1_memory_gb;
  const assessed = byAge(items).map((instance): Assessed<InstanceUsage> => {
    const rate = prices.compute[instance.shape] ?? prices.compute_fallback;
    const monthly = (ocpus: number, memory: number) =>
      (ocpus * rate.ocpu_hour + memory * rate.memory_gb_hour) * prices.hours_per_month;
    if (instance.shape === micro) {
      micros += 1;
      if (micros <= limits.limits.micro_instances) return { ...instance, charge: free };
      return {
        ...instance,
        charge: {
          costsMoney: true,
          monthlyUsd: monthly(instance.ocpus, instance.memoryGb),
          reason: `more than the ${limits.limits.micro_instances} Always Free ${micro} instances`,
        },
      };
    }
    if (instance.shape === a1) {
      const freeOcpus = Math.min(instance.ocpus, ocpusLeft);
      const freeMemory = Math.min(instance.memoryGb, memoryLeft);
      ocpusLeft -= freeOcpus;
      memoryLeft -= freeMemory;
      const extraOcpus = round(instance.ocpus - freeOcpus);
      const extraMemory = round(instance.memoryGb - freeMemory);
      if (extraOcpus === 0 && extraMemory === 0) return { ...instance, charge: free };
      return {
        ...instance,
        charge: {
          costsMoney: true,
          monthlyUsd: monthly(extraOcpus, extraMemory),
          reason: `beyond the Always Free A1 allowance of ${limits.limits.a1_ocpus} OCPU and ${limits.limits.a1_memory_gb} GB in total: ${extraOcpus} OCPU and ${extraMemory} GB over`,
        },
      };
    }
    const listed = instance.shape in prices.compute ? "" : " (shape not in the price table: priced at the fallback rate)";
    return {
      ...instance,
      charge: {
        costsMoney: true,
        monthlyUsd: monthly(instance.ocpus, instance.memoryGb),
        reason: `${instance.shape} is not an Always Free shape${listed}`,
      },
    };
  });
  const a1Instances = items.filter((instance) => instance.shape === a1);
  const meters: Meter[] = [
    { label: `${micro} instances`, used: micros, limit: limits.limits.micro_instances, unit: "" },
    {
      label: "Ampere A1 OCPUs",
      used: a1Instances.reduce((sum, instance) => sum + instance.ocpus, 0),
      limit: limits.limits.a1_ocpus,
      unit: "OCPU",
    },
    {
      label: "Ampere A1 memory",
      used: a1Instances.reduce((sum, instance) => sum + instance.memoryGb, 0),
      limit: limits.limits.a1_memory_gb,
      unit: "GB",
    },
  ];
  return { assessed, meters };
}

function assessVolumes(items: VolumeUsage[], limits: FreeTierLimits, prices: PriceEstimates) {
  let left = limits.limits.volumes_gb;
  const assessed = byAge(items).map((volume): Assessed<VolumeUsage> => {
    const covered = Math.min(volume.sizeGb, left);
    left -= covered;
    const extra = volume.sizeGb - covered;
    if (extra === 0) return { ...volume, charge: free };
    const perGb = prices.block_volume.gb_month + volume.vpusPerGb * prices.block_volume.vpu_gb_month;
    return {
      ...volume,
      charge: {
        costsMoney: true,
        monthlyUsd: extra * perGb,
        reason: `beyond the ${limits.limits.volumes_gb} GB of boot and block volumes that are Always Free: ${extra} GB over`,
      },
    };
  });
  const used = items.reduce((sum, volume) => sum + volume.sizeGb, 0);
  return { assessed, meters: [{ label: "Boot and block volumes", used, limit: limits.limits.volumes_gb, unit: "GB" }] };
}

function assessBuckets(items: BucketUsage[], limits: FreeTierLimits, prices: PriceEstimates) {
  let left = limits.limits.object_storage_gb;
  const assessed = byAge(items).map((bucket): Assessed<BucketUsage> => {
    if (bucket.approximateBytes === undefined) {
      return { ...bucket, charge: { costsMoney: false, note: "size not reported by Oracle" } };
    }
    const gb = bucket.approximateBytes / bytesPerGb;
    const covered = Math.min(gb, left);
    left -= covered;
    const extra = gb - covered;
    if (extra <= 0) return { ...bucket, charge: free };
    return {
      ...bucket,
      charge: {
        costsMoney: true,
        monthlyUsd: extra * prices.object_storage.gb_month,
        reason: `beyond the ${limits.limits.object_storage_gb} GB of Object Storage that is Always Free: ${extra.toFixed(2)} GB over`,
      },
    };
  });
  const used = items.reduce((sum, bucket) => sum + (bucket.approximateBytes ?? 0), 0) / bytesPerGb;
  return {
    assessed,
    meters: [{ label: "Object Storage", used: round(used), limit: limits.limits.object_storage_gb, unit: "GB" }],
  };
}

// Oracle's Always Free load balancer is the flexible shape at 10 Mbps (the old fixed one was 10Mbps-Micro).
function isFreeShape(balancer: LoadBalancerUsage): boolean {
  if (balancer.shape === "10Mbps-Micro") return true;
  return balancer.shape === "flexible" && (balancer.maximumMbps ?? Infinity) <= 10;
}

function assessLoadBalancers(items: LoadBalancerUsage[], limits: FreeTierLimits, prices: PriceEstimates) {
  let freeLeft = limits.limits.load_balancers;
  const assessed = byAge(items).map((balancer): Assessed<LoadBalancerUsage> => {
    const freeShape = isFreeShape(balancer);
    if (freeShape && freeLeft > 0) {
      freeLeft -= 1;
      return { ...balancer, charge: free };
    }
    const mbps = balancer.maximumMbps ?? 10;
    return {
      ...balancer,
      charge: {
        costsMoney: true,
        monthlyUsd:
          (prices.load_balancer.base_hour + mbps * prices.load_balancer.mbps_hour) * prices.hours_per_month,
        reason: freeShape
          ? `more than the ${limits.limits.load_balancers} Always Free load balancer`
          : `${balancer.shape} at up to ${mbps} Mbps is not the Always Free shape (flexible, 10 Mbps)`,
      },
    };
  });
  return {
    assessed,
    meters: [{ label: "Load balancers", used: items.length, limit: limits.limits.load_balancers, unit: "" }],
  };
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
  const take = <T, U>(section: Section<T[]>, assess: (items: T[]) => { assessed: U[]; meters: Meter[] }) =>
    mapSection(section, (items) => {
      const result = assess(items);
      meters.push(...result.meters);
      return result.assessed;
    });
  const instances = take(usage.instances, (items) => assessInstances(items, limits, prices));
  const volumes = take(usage.volumes, (items) => assessVolumes(items, limits, prices));
  const buckets = take(usage.buckets, (items) => assessBuckets(items, limits, prices));
  const loadBalancers = take(usage.loadBalancers, (items) => assessLoadBalancers(items, limits, prices));
  return {
    instances,
    volumes,
    buckets,
    loadBalancers,
    meters,
    ...totals([instances, volumes, buckets, loadBalancers]),
  };
}
