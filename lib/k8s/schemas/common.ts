import { z } from "zod";

/**
 * Pieces shared by the Kubernetes objects the console reads. The client library hands list
 * items over with `Date` objects and watch events with RFC 3339 strings: both are accepted.
 */
export const timeSchema = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value : new Date(value)))
  .refine((value) => !Number.isNaN(value.getTime()), "must be a time");

export const metadataSchema = z.object({
  name: z.string().min(1),
  namespace: z.string().optional(),
  uid: z.string().optional(),
  resourceVersion: z.string().optional(),
  generation: z.number().optional(),
  creationTimestamp: timeSchema.optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});

export const conditionSchema = z.object({
  type: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastTransitionTime: timeSchema.optional(),
});

export type Condition = z.infer<typeof conditionSchema>;

/** A list that tolerates a broken entry: the rest of the list is still read. */
export function lenientArray<T extends z.ZodType>(item: T) {
  return z.array(z.unknown()).transform((entries) =>
    entries.flatMap((entry) => {
      const parsed = item.safeParse(entry);
      return parsed.success ? [parsed.data as z.output<T>] : [];
    }),
  );
}
