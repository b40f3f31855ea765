import type { EnrollmentDeps } from "@/lib/enrollment/deps";
import type { EnrollmentEventKind } from "@/lib/enrollment/schema";

/** One step of a server's first boot on its timeline; `detail` must never hold a secret. */
export async function recordEnrollmentEvent(
  deps: Pick<EnrollmentDeps, "db" | "now">,
  event: { server: string; generation: number | null; kind: EnrollmentEventKind; detail: string },
): Promise<void> {
  await deps.db.enrollmentEvent.create({
    data: {
      serverName: event.server,
      generation: event.generation,
      kind: event.kind,
      detail: event.detail.slice(0, 500),
      occurredAt: deps.now(),
    },
  });
}
