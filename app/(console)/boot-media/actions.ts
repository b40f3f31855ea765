"use server";

import { revalidatePath } from "next/cache";
import { operatorAction } from "@/lib/auth/action-client";
import { createServerMedia } from "@/lib/bootmedia/create-server-media";
import { bootMediaParts } from "@/lib/runtime/boot-media";
import {
  revokeEnrollmentToken,
  revokeEnrollmentTokenSchema,
} from "@/lib/bootmedia/revoke-enrollment-token";
import { serverMediaInputSchema } from "@/lib/bootmedia/schema";

export const createServerMediaAction = operatorAction
  .inputSchema(serverMediaInputSchema)
  .action(async ({ actor, input }) => {
    const media = await createServerMedia({ actor, input }, bootMediaParts());
    revalidatePath("/boot-media");
    return media;
  });

export const revokeEnrollmentTokenAction = operatorAction
  .inputSchema(revokeEnrollmentTokenSchema)
  .action(async ({ actor, input }) => {
    const revoked = await revokeEnrollmentToken({ actor, input }, bootMediaParts());
    revalidatePath("/boot-media");
    return revoked;
  });
