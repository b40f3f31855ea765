"use server";

import { z } from "zod";
import { adminAction } from "@/lib/auth/action-client";
import { recheckEveryone } from "@/lib/auth/recheck-everyone";

export const recheckAccessNow = adminAction
  .inputSchema(z.object({}))
  .action(({ actor }) => recheckEveryone({ actor }));
