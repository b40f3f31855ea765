/** The app's own view of a tenancy's Always Free usage; the SDK's models never leave lib/oci. */
export type InstanceUsage = {
  id: string;
  name: string;
  shape: string;
  ocpus: number;
  memoryGb: number;
  state: string;
  availabilityDomain: string;
  createdAt: string;
};

export type VolumeUsage = {
  id: string;
  name: string;
  kind: "boot" | "block";
  sizeGb: number;
  vpusPerGb: number;
  state: string;
  createdAt: string;
};

export type BucketUsage = {
  name: string;
  storageTier: string;
  /** Oracle's approximate figure, refreshed by Oracle a few times a day. */
  approximateBytes: number | undefined;
  approximateObjects: number | undefined;
  createdAt: string;
};

export type LoadBalancerUsage = {
  id: string;
  name: string;
  shape: string;
  minimumMbps: number | undefined;
  maximumMbps: number | undefined;
  state: string;
  createdAt: string;
};

export type MonthToDateCost = { amount: number; currency: string; from: string; to: string };

/** One OCI call's outcome: its items, or its own error in plain words. */
export type Section<T> = { ok: true; value: T } | { ok: false; error: string };

export type FreeTierUsage = {
  region: string;
  compartmentId: string;
  instances: Section<InstanceUsage[]>;
  volumes: Section<VolumeUsage[]>;
  buckets: Section<BucketUsage[]>;
  loadBalancers: Section<LoadBalancerUsage[]>;
  monthToDate: Section<MonthToDateCost>;
};
