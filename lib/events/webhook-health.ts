import "server-only";
import type { DatabaseClient } from "@/lib/db";
import { env } from "@/lib/settings/env";

export type WebhookHealth = {
  flux: { configured: boolean; lastReceivedAt: string | null };
  github: { configured: boolean; lastReceivedAt: string | null };
};

/** Whether each webhook has its secret, and when a signed delivery last arrived. */
export async function webhookHealth(client: DatabaseClient): Promise<WebhookHealth> {
  const last = async (source: "flux" | "github") =>
    (
      await client.webhookEvent.findFirst({
        where: { source },
        orderBy: { id: "desc" },
        select: { receivedAt: true },
      })
    )?.receivedAt.toISOString() ?? null;
  const [flux, github] = await Promise.all([last("flux"), last("github")]);
  const { webhooks } = env();
  return {
    flux: { configured: webhooks.fluxSecret !== undefined, lastReceivedAt: flux },
    github: { configured: webhooks.githubSecret !== undefined, lastReceivedAt: github },
  };
}
