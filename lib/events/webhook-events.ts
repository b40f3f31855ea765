import "server-only";
import type { DatabaseClient } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/unique-violation";

export type NewWebhookEvent = {
  source: "flux" | "github";
  deliveryKey: string;
  type: string;
  severity?: string | null;
  objectKind?: string | null;
  objectNamespace?: string | null;
  objectName?: string | null;
  message: string;
  revision?: string | null;
  sha?: string | null;
  controller?: string | null;
  occurredAt: Date;
};

/** Stores a delivery once: a second delivery with the same key is reported, not stored. */
export async function storeWebhookEvent(
  client: DatabaseClient,
  event: NewWebhookEvent,
): Promise<{ stored: true; id: number } | { stored: false }> {
  try {
    const row = await client.webhookEvent.create({ data: event, select: { id: true } });
    return { stored: true, id: row.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { stored: false };
    throw error;
  }
}

/** Keeps the table to the retention settings: nothing older than `days`, at most `maxEvents`. */
export async function pruneWebhookEvents(
  client: DatabaseClient,
  retention: { days: number; maxEvents: number },
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - retention.days * 24 * 3600 * 1000);
  const old = await client.webhookEvent.deleteMany({ where: { receivedAt: { lt: cutoff } } });
  const keepFrom = await client.webhookEvent.findMany({
    orderBy: { id: "desc" },
    skip: retention.maxEvents - 1,
    take: 1,
    select: { id: true },
  });
  const floor = keepFrom[0]?.id;
  const extra =
    floor === undefined
      ? { count: 0 }
      : await client.webhookEvent.deleteMany({ where: { id: { lt: floor } } });
  return old.count + extra.count;
}
