"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { operatorAction } from "@/lib/auth/action-client";
import type { Actor } from "@/lib/actor";
import { bulkRegisterServers } from "@/lib/servers/bulk-register";
import { decommissionServer } from "@/lib/servers/decommission";
import { serverParts } from "@/lib/runtime/servers";
import { editServer } from "@/lib/servers/edit";
import { powerServer } from "@/lib/servers/power";
import { provisionServer } from "@/lib/servers/provision";
import { registerServer } from "@/lib/servers/register";
import { reprovisionServer } from "@/lib/servers/reprovision";
import type { ChangeResult } from "@/components/servers/change-result";

// The verbs parse their own input; a refusal comes back through the action client with each field's message.
const request = z.object({ input: z.unknown(), preview: z.boolean().default(false) });

type Verb = (
  args: { actor: Actor; input: unknown; preview?: boolean },
  deps: ReturnType<typeof serverParts>,
) => Promise<ChangeResult>;

function serverAction(verb: Verb) {
  return operatorAction
    .inputSchema(request)
    .action(async ({ actor, input }): Promise<ChangeResult> => {
      const outcome = await verb(
        { actor, input: input.input, preview: input.preview },
        serverParts(),
      );
      if (outcome.kind === "committed") revalidatePath("/servers", "layout");
      return outcome;
    });
}

export const registerServerAction = serverAction(registerServer);
export const editServerAction = serverAction(editServer);
export const provisionServerAction = serverAction(provisionServer);
export const reprovisionServerAction = serverAction(reprovisionServer);
export const decommissionServerAction = serverAction(decommissionServer);
export const bulkRegisterAction = serverAction(bulkRegisterServers);
export const powerServerAction = serverAction(powerServer);
