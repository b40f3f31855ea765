import { z } from "zod";

export const githubPingSchema = z.object({
  zen: z.string().optional(),
  hook_id: z.number().optional(),
});

export const githubPushSchema = z.object({
  ref: z.string().min(1).max(1024),
  before: z.string().regex(/^[0-9a-f]{40,64}$/),
  after: z.string().regex(/^[0-9a-f]{40,64}$/),
  repository: z.object({ full_name: z.string().min(1).max(300) }),
  pusher: z.object({ name: z.string().max(300).optional() }).optional(),
  head_commit: z
    .object({
      id: z.string(),
      message: z.string().max(64 * 1024),
      timestamp: z.string().optional(),
    })
    .nullable()
    .optional(),
});

export type GitHubPush = z.infer<typeof githubPushSchema>;

export const githubDeliverySchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9-]+$/);
