import { z } from "zod";
import { objectMetaSchema, rufioApiVersion } from "./object-meta";

/**
 * Rufio's Machine (bmc.tinkerbell.org/v1alpha1): how Tinkerbell reaches a server's BMC. Only the
 * connection fields the console writes; the credentials stay in the Secret it names.
 */
export const bmcMachineSchema = z.object({
  apiVersion: z.literal(rufioApiVersion),
  kind: z.literal("Machine"),
  metadata: objectMetaSchema,
  spec: z.object({
    connection: z.object({
      host: z.string().min(1),
      port: z.number().int().optional(),
      insecureTLS: z.boolean(),
      authSecretRef: z
        .object({ name: z.string().optional(), namespace: z.string().optional() })
        .optional(),
      providerOptions: z
        .object({
          redfish: z
            .object({ port: z.number().int().optional(), useBasicAuth: z.boolean().optional() })
            .optional(),
        })
        .optional(),
    }),
  }),
});
export type BmcMachine = z.infer<typeof bmcMachineSchema>;
