import type { FreeTierLimits, PriceEstimates } from "@/lib/oci/data-files";
import { byAge, bytesPerGb, free, round, type Assessed } from "@/lib/oci/charge";
import type { BucketUsage, VolumeUsage } from "@/lib/oci/types";

/** The oldest volumes and buckets take the allowance first; what is left over is paid. */
export function assessVolumes(
  items: VolumeUsage[],
  limits: FreeTierLimits,
  prices: PriceEstimates,
) {
  let left = limits.limits.volumes_gb;
  const assessed = byAge(items).map((volume): Assessed<VolumeUsage> => {
    const covered = Math.min(volume.sizeGb, left);
    left -= covered;
    const extra = volume.sizeGb - covered;
    if (extra === 0) return { ...volume, charge: free };
    const perGb =
      prices.block_volume.gb_month + volume.vpusPerGb * prices.block_volume.vpu_gb_month;
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
  return {
    assessed,
    meters: [
      { label: "Boot and block volumes", used, limit: limits.limits.volumes_gb, unit: "GB" },
    ],
  };
}

export function assessBuckets(
  items: BucketUsage[],
  limits: FreeTierLimits,
  prices: PriceEstimates,
) {
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
    meters: [
      {
        label: "Object Storage",
        used: round(used),
        limit: limits.limits.object_storage_gb,
        unit: "GB",
      },
    ],
  };
}
