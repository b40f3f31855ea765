import "server-only";
import type { DatabaseClient } from "@/lib/db";

export type WebhookEventView = {
  id: number;
  source: "flux" | "github";
  type: string;
  severity: string | null;
  object: { kind: string; namespace: string; name: string } | null;
  message: string;
  revision: string | null;
  sha: string | null;
  controller: string | null;
  occurredAt: string;
  receivedAt: string;
};

type Row = Awaited<ReturnType<DatabaseClient["webhookEvent"]["findMany"]>>[number];

function viewOf(row: Row): WebhookEventView {
  return {
    id: row.id,
    source: row.source === "github" ? "github" : "flux",
    type: row.type,
    severity: row.severity,
    object:
      row.objectKind && row.objectName
        ? { kind: row.objectKind, namespace: row.objectNamespace ?? "", name: row.objectName }
        : null,
    message: row.message,
    revision: row.revision,
    sha: row.sha,
    controller: row.controller,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
  };
}

/** Newest first. */
export async function recentWebhookEvents(
  options: { limit?: number; source?: "flux" | "github" } = {},
  client: DatabaseClient,
): Promise<WebhookEventView[]> {
  const rows = await client.webhookEvent.findMany({
    where: options.source ? { source: options.source } : {},
    orderBy: { id: "desc" },
    take: Math.min(Math.max(options.limit ?? 20, 1), 200),
  });
  return rows.map(viewOf);
}

/** Flux events since a time, oldest first: what the timelines read to place each step. */
export async function fluxEventsSince(
  since: Date,
  client: DatabaseClient,
): Promise<WebhookEventView[]> {
  const rows = await client.webhookEvent.findMany({
    where: { source: "flux", occurredAt: { gte: since } },
    orderBy: { occurredAt: "asc" },
    take: 2_000,
  });
  return rows.map(viewOf);
}
