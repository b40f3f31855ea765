import { z } from "zod";
import { lenientArray, metadataSchema, timeSchema } from "./common";

const rufioConditionSchema = z.object({
  type: z.string(),
  status: z.string(),
  message: z.string().optional(),
});

/** The parts of Rufio's Machine (bmc.tinkerbell.org/v1alpha1) read here: what Rufio observed. */
export const machineSchema = z.object({
  metadata: metadataSchema,
  status: z
    .object({
      powerState: z.string().optional(),
      conditions: lenientArray(rufioConditionSchema).optional(),
    })
    .optional(),
});

/** The parts of Rufio's Job read here: which Machine, what it asked, and how it went. */
export const bmcJobObjectSchema = z.object({
  metadata: metadataSchema,
  spec: z
    .object({
      machineRef: z.object({ name: z.string(), namespace: z.string().optional() }).optional(),
      tasks: lenientArray(z.record(z.string(), z.unknown())).optional(),
    })
    .optional(),
  status: z
    .object({
      conditions: lenientArray(rufioConditionSchema).optional(),
      startTime: timeSchema.optional(),
      completionTime: timeSchema.optional(),
    })
    .optional(),
});
