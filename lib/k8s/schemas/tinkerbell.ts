import { z } from "zod";
import { lenientArray, metadataSchema, timeSchema } from "./common";

/** The parts of Tinkerbell's Hardware, Template and Workflow (tinkerbell.org/v1alpha1) read here. */
export const hardwareSchema = z.object({
  metadata: metadataSchema,
  spec: z
    .object({
      interfaces: lenientArray(
        z.object({
          dhcp: z
            .object({
              mac: z.string().optional(),
              hostname: z.string().optional(),
              arch: z.string().optional(),
              ip: z.object({ address: z.string().optional() }).optional(),
            })
            .optional(),
        }),
      ).optional(),
      metadata: z
        .object({
          state: z.string().optional(),
          instance: z.object({ hostname: z.string().optional() }).optional(),
        })
        .optional(),
    })
    .optional(),
});

export const templateSchema = z.object({
  metadata: metadataSchema,
  spec: z.object({ data: z.string().optional() }).optional(),
});

const actionSchema = z.object({
  name: z.string().default(""),
  state: z.string().optional(),
  message: z.string().optional(),
  executionStart: timeSchema.optional(),
  executionStop: timeSchema.optional(),
  executionDuration: z.string().optional(),
});

export const workflowSchema = z.object({
  metadata: metadataSchema,
  spec: z
    .object({
      templateRef: z.string().optional(),
      hardwareRef: z.string().optional(),
      disabled: z.boolean().optional(),
    })
    .optional(),
  status: z
    .object({
      state: z.string().optional(),
      /** "failed" when the Tink controller could not render the Template (v0.21.0). */
      templateRendering: z.string().optional(),
      currentState: z
        .object({
          actionName: z.string().optional(),
          taskName: z.string().optional(),
          state: z.string().optional(),
        })
        .optional(),
      tasks: lenientArray(
        z.object({ name: z.string().default(""), actions: lenientArray(actionSchema).default([]) }),
      ).optional(),
      conditions: lenientArray(
        z.object({
          type: z.string(),
          status: z.string(),
          reason: z.string().optional(),
          message: z.string().optional(),
          time: timeSchema.optional(),
        }),
      ).optional(),
    })
    .optional(),
});

export type HardwareObject = z.infer<typeof hardwareSchema>;
export type TemplateObject = z.infer<typeof templateSchema>;
export type WorkflowObject = z.infer<typeof workflowSchema>;
