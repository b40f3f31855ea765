import { z } from "zod";

/**
 * The fields of the SDK's models that the Cloud page relies on, checked at the boundary. The SDK
 * types promise them, but its JSON comes from the wire; anything missing fails loudly here.
 */
const time = z.union([z.date(), z.string()]).transform((value) => new Date(value).toISOString());
const gigabytes = z.coerce.number().nonnegative();

export const instanceModel = z.object({
  id: z.string().min(1),
  displayName: z.string().optional(),
  shape: z.string().min(1),
  lifecycleState: z.string().min(1),
  availabilityDomain: z.string(),
  timeCreated: time,
  shapeConfig: z
    .object({
      ocpus: z.number().nonnegative().optional(),
      memoryInGBs: z.number().nonnegative().optional(),
    })
    .optional(),
});

export const volumeModel = z.object({
  id: z.string().min(1),
  displayName: z.string().optional(),
  lifecycleState: z.string().min(1),
  sizeInGBs: gigabytes,
  vpusPerGB: z.coerce.number().nonnegative().optional(),
  timeCreated: time,
});

export const bucketModel = z.object({
  name: z.string().min(1),
  storageTier: z.string().optional(),
  approximateSize: z.coerce.number().nonnegative().optional(),
  approximateCount: z.coerce.number().nonnegative().optional(),
  timeCreated: time,
});

export const loadBalancerModel = z.object({
  id: z.string().min(1),
  displayName: z.string().optional(),
  shapeName: z.string().min(1),
  lifecycleState: z.string().min(1),
  timeCreated: time,
  shapeDetails: z
    .object({ minimumBandwidthInMbps: z.number(), maximumBandwidthInMbps: z.number() })
    .optional(),
});

export const usageSummaryModel = z.object({
  computedAmount: z.number().optional(),
  currency: z.string().optional(),
});

export const ociErrorShape = z.object({
  statusCode: z.number(),
  serviceCode: z.string().optional(),
  message: z.string().optional(),
  operationName: z.string().optional(),
});
