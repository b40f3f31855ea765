import { z } from "zod";
import { conditionSchema, lenientArray, metadataSchema, timeSchema } from "./common";

/**
 * The parts of Flux's sources (GitRepository, OCIRepository, HelmRepository), Kustomization and
 * HelmRelease that the console shows. One schema: each kind leaves the others' fields absent.
 */
export const fluxObjectSchema = z.object({
  metadata: metadataSchema,
  spec: z
    .object({
      suspend: z.boolean().optional(),
      url: z.string().optional(),
      path: z.string().optional(),
      interval: z.string().optional(),
      sourceRef: z
        .object({ kind: z.string(), name: z.string(), namespace: z.string().optional() })
        .optional(),
      chart: z
        .object({
          spec: z
            .object({
              chart: z.string().optional(),
              version: z.string().optional(),
              sourceRef: z
                .object({ kind: z.string(), name: z.string(), namespace: z.string().optional() })
                .optional(),
            })
            .optional(),
        })
        .optional(),
    })
    .optional(),
  status: z
    .object({
      observedGeneration: z.number().optional(),
      conditions: lenientArray(conditionSchema).optional(),
      artifact: z
        .object({
          revision: z.string().optional(),
          lastUpdateTime: timeSchema.optional(),
        })
        .optional(),
      lastAppliedRevision: z.string().optional(),
      lastAttemptedRevision: z.string().optional(),
      lastHandledReconcileAt: z.string().optional(),
      history: lenientArray(
        z.object({
          chartVersion: z.string().optional(),
          status: z.string().optional(),
          lastDeployed: timeSchema.optional(),
        }),
      ).optional(),
    })
    .optional(),
});

export type FluxObject = z.infer<typeof fluxObjectSchema>;
