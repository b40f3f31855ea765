import { z } from "zod";
import { conditionSchema, lenientArray, metadataSchema } from "./common";

const quantity = z.union([z.string(), z.number()]).transform(String);

/** The parts of a core/v1 Node the console shows. */
export const nodeSchema = z.object({
  metadata: metadataSchema,
  spec: z.object({ unschedulable: z.boolean().optional() }).optional(),
  status: z
    .object({
      conditions: lenientArray(conditionSchema).optional(),
      capacity: z.record(z.string(), quantity).optional(),
      allocatable: z.record(z.string(), quantity).optional(),
      nodeInfo: z
        .object({
          kubeletVersion: z.string().optional(),
          architecture: z.string().optional(),
          operatingSystem: z.string().optional(),
          osImage: z.string().optional(),
          kernelVersion: z.string().optional(),
          containerRuntimeVersion: z.string().optional(),
        })
        .optional(),
      addresses: lenientArray(z.object({ type: z.string(), address: z.string() })).optional(),
    })
    .optional(),
});

export type NodeObject = z.infer<typeof nodeSchema>;
