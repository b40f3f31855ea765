import "server-only";
import type { Actor } from "@/lib/actor";
import { listBootEvents } from "@/lib/bootmedia/list-boot-events";
import type { DatabaseClient } from "@/lib/db";
import { listEnrollmentEvents } from "@/lib/enrollment/list-enrollment-events";

/**
 * What a server reported to the console itself: booting the console's media ("booted from
 * media", from lib/bootmedia), Smee then having nothing for it, and the steps of its first-boot
 * credential exchange (lib/enrollment).
 */
export type BootEvent = {
  at: string;
  detail: string;
  kind: "booted" | "netboot-refused" | "enrollment";
  /** For enrollment steps: the step's name, and whether it is a warning (a second claim). */
  label?: string;
  failed?: boolean;
};

const timelineReader: Actor = {
  id: "timeline",
  login: "timeline",
  name: "Timeline",
  email: "timeline@foundry.invalid",
  role: "viewer",
};

const labels = {
  "token-issued": "Enrollment token issued",
  "token-claimed-twice": "Enrollment token claimed twice",
  "credentials-fetched": "Credentials fetched",
} as const;

/** Oldest first, as the timeline reads. */
export async function bootEventsFor(server: string, client: DatabaseClient): Promise<BootEvent[]> {
  const [boots, enrollment] = await Promise.all([
    listBootEvents({ actor: timelineReader, input: { server, limit: 20 } }, { db: client }),
    listEnrollmentEvents({ actor: timelineReader, input: { server, limit: 20 } }, { db: client }),
  ]);
  const events: BootEvent[] = [
    ...boots.map((boot) => ({
      at: boot.occurredAt.toISOString(),
      detail: `${boot.mac}${boot.ip ? ` at ${boot.ip}` : ""}`,
      kind: boot.kind,
    })),
    ...enrollment.map((event) => ({
      at: event.occurredAt.toISOString(),
      detail: event.detail,
      kind: "enrollment" as const,
      label: labels[event.kind],
      failed: event.kind === "token-claimed-twice",
    })),
  ];
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
