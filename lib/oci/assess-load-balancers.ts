import type { FreeTierLimits, PriceEstimates } from "@/lib/oci/data-files";
import { byAge, free, type Assessed } from "@/lib/oci/charge";
import type { LoadBalancerUsage } from "@/lib/oci/types";

// Oracle's Always Free load balancer is the flexible shape at 10 Mbps (the old fixed one was 10Mbps-Micro).
function isFreeShape(balancer: LoadBalancerUsage): boolean {
  if (balancer.shape === "10Mbps-Micro") return true;
  return balancer.shape === "flexible" && (balancer.maximumMbps ?? Infinity) <= 10;
}

export function assessLoadBalancers(
  items: LoadBalancerUsage[],
  limits: FreeTierLimits,
  prices: PriceEstimates,
) {
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
          (prices.load_balancer.base_hour + mbps * prices.load_balancer.mbps_hour) *
          prices.hours_per_month,
        reason: freeShape
          ? `more than the ${limits.limits.load_balancers} Always Free load balancer`
          : `${balancer.shape} at up to ${mbps} Mbps is not the Always Free shape (flexible, 10 Mbps)`,
      },
    };
  });
  return {
    assessed,
    meters: [
      {
        label: "Load balancers",
        used: items.length,
        limit: limits.limits.load_balancers,
        unit: "",
      },
    ],
  };
}
