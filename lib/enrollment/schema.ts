import { z } from "zod";

export const claimInputSchema = z.object({
  generation: z.coerce
    .number({ error: "must be the Workflow generation, a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1"),
});

export const enrollmentEventKinds = [
  "token-issued",
  "token-claimed-twice",
  "credentials-fetched",
] as const;
export type EnrollmentEventKind = (typeof enrollmentEventKinds)[number];

export const firstBootPurpose = "first-boot";
