import { z } from "zod";
import { objectMetaSchema, tinkerbellApiVersion } from "./object-meta";

/** Template (tinkerbell.org/v1alpha1): `spec.data` holds the workflow definition as YAML text. */
export const templateSchema = z.object({
  apiVersion: z.literal(tinkerbellApiVersion),
  kind: z.literal("Template"),
  metadata: objectMetaSchema,
  spec: z.object({ data: z.string().optional() }),
});
export type Template = z.infer<typeof templateSchema>;

/*
 * What `spec.data` holds once parsed: the workflow definition Tinkerbell renders (Go templates,
 * e.g. `{{.device_1}}`) and runs (tink's workflow.Workflow: version, name, global_timeout, tasks).
 */
export const templateActionSchema = z.object({
  name: z.string().min(1),
  image: z.string().min(1),
  timeout: z.number().int().positive(),
  command: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  volumes: z.array(z.string()).optional(),
  pid: z.string().optional(),
});

export const templateTaskSchema = z.object({
  name: z.string().min(1),
  worker: z.string().min(1),
  volumes: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  actions: z.array(templateActionSchema).min(1),
});

export const templateDataSchema = z.object({
  version: z.literal("0.1"),
  name: z.string().min(1),
  global_timeout: z.number().int().positive(),
  tasks: z.array(templateTaskSchema).min(1),
});
export type TemplateAction = z.infer<typeof templateActionSchema>;
export type TemplateData = z.infer<typeof templateDataSchema>;
