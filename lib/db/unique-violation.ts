import { z } from "zod";

const uniqueViolation = z.object({ code: z.literal("P2002") });

/** Prisma's answer when an insert breaks a unique constraint, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  return uniqueViolation.safeParse(error).success;
}
