import type { AuditLog } from "@/lib/audit/types";
import type { EventBus } from "./bus";

/** The audit journal as the verbs use it: each entry, started or finished, shows on Activity at once. */
export function publishingAudit(audit: AuditLog, bus: EventBus): AuditLog {
  const told = () => bus.publish({ topic: "activity", invalidate: [["activity"]], summary: null });
  return {
    async start(entry) {
      await audit.start(entry);
      told();
    },
    async finish(requestId, outcome) {
      await audit.finish(requestId, outcome);
      told();
    },
  };
}
