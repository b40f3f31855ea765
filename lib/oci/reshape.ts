import type { z } from "zod";
import { bucketModel, instanceModel, loadBalancerModel, volumeModel } from "@/lib/oci/sdk-schemas";
import type { BucketUsage, InstanceUsage, LoadBalancerUsage, VolumeUsage } from "@/lib/oci/types";

/** SDK models in, the app's own types out: the one place that knows Oracle's field names. */
function parse<T extends z.ZodType>(schema: T, model: unknown, what: string): z.output<T> {
  const result = schema.safeParse(model);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => issue.path.join(".") || "(root)");
    throw new Error(
      `Oracle Cloud answered with a ${what} missing or mistyping: ${fields.join(", ")}`,
    );
  }
  return result.data;
}

export function reshapeInstance(model: unknown): InstanceUsage {
  const instance = parse(instanceModel, model, "compute instance");
  return {
    id: instance.id,
    name: instance.displayName ?? instance.id,
    shape: instance.shape,
    ocpus: instance.shapeConfig?.ocpus ?? 0,
    memoryGb: instance.shapeConfig?.memoryInGBs ?? 0,
    state: instance.lifecycleState,
    availabilityDomain: instance.availabilityDomain,
    createdAt: instance.timeCreated,
  };
}

export function reshapeVolume(model: unknown, kind: VolumeUsage["kind"]): VolumeUsage {
  const volume = parse(volumeModel, model, kind === "boot" ? "boot volume" : "block volume");
  return {
    id: volume.id,
    name: volume.displayName ?? volume.id,
    kind,
    sizeGb: volume.sizeInGBs,
    vpusPerGb: volume.vpusPerGB ?? 10,
    state: volume.lifecycleState,
    createdAt: volume.timeCreated,
  };
}

export function reshapeBucket(model: unknown): BucketUsage {
  const bucket = parse(bucketModel, model, "bucket");
  return {
    name: bucket.name,
    storageTier: bucket.storageTier ?? "Standard",
    approximateBytes: bucket.approximateSize,
    approximateObjects: bucket.approximateCount,
    createdAt: bucket.timeCreated,
  };
}

export function reshapeLoadBalancer(model: unknown): LoadBalancerUsage {
  const balancer = parse(loadBalancerModel, model, "load balancer");
  const fixed = /^(\d+)Mbps/.exec(balancer.shapeName);
  const fixedMbps = fixed ? Number(fixed[1]) : undefined;
  return {
    id: balancer.id,
    name: balancer.displayName ?? balancer.id,
    shape: balancer.shapeName,
    minimumMbps: balancer.shapeDetails?.minimumBandwidthInMbps ?? fixedMbps,
    maximumMbps: balancer.shapeDetails?.maximumBandwidthInMbps ?? fixedMbps,
    state: balancer.lifecycleState,
    createdAt: balancer.timeCreated,
  };
}
