import { z } from "zod";
import { objectMetaSchema, tinkerbellApiVersion } from "./object-meta";

/** Workflow (tinkerbell.org/v1alpha1) spec, field for field as WorkflowSpec defines it. */
const bmcAction = z.object({
  bootDevice: z
    .object({
      device: z.string().optional(),
      efiBoot: z.boolean().optional(),
      persistent: z.boolean().optional(),
    })
    .optional(),
  oneTimeBootDeviceAction: z
    .object({ device: z.array(z.string()), efiBoot: z.boolean().optional() })
    .optional(),
  powerAction: z.enum(["on", "off", "soft", "status", "cycle", "reset"]).optional(),
  virtualMediaAction: z.object({ kind: z.string(), mediaURL: z.string().optional() }).optional(),
});

export const workflowSpecSchema = z.object({
  bootOptions: z
    .object({
      bootMode: z.enum(["netboot", "isoboot", "iso", "customboot"]).optional(),
      custombootConfig: z
        .object({
          postActions: z.array(bmcAction).optional(),
          preparingActions: z.array(bmcAction).optional(),
        })
        .optional(),
      isoURL: z.url().optional(),
      toggleAllowNetboot: z.boolean().optional(),
    })
    .optional(),
  disabled: z.boolean().optional(),
  hardwareMap: z.record(z.string(), z.string()).optional(),
  hardwareRef: z.string().optional(),
  templateRef: z.string().optional(),
});

export const workflowSchema = z.object({
  apiVersion: z.literal(tinkerbellApiVersion),
  kind: z.literal("Workflow"),
  metadata: objectMetaSchema,
  spec: workflowSpecSchema,
});
export type WorkflowSpec = z.infer<typeof workflowSpecSchema>;
export type Workflow = z.infer<typeof workflowSchema>;
