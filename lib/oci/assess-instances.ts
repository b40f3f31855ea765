import type { FreeTierLimits, PriceEstimates } from "@/lib/oci/data-files";
import { byAge, free, round, type Assessed, type Meter } from "@/lib/oci/charge";
import type { InstanceUsage } from "@/lib/oci/types";

/** Micro instances by count, A1 against the shared OCPU and memory allowance, the rest paid. */
export function assessInstances(
  items: InstanceUsage[],
  limits: FreeTierLimits,
  prices: PriceEstimates,
) {
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
    const listed =
      instance.shape in prices.compute
        ? ""
        : " (shape not in the price table: priced at the fallback rate)";
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
