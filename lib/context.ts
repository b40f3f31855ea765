import type { AuditLog } from "@/lib/audit/types";
import type { DatabaseClient } from "@/lib/db/client";

/*
 * Everything a verb may be handed, in one type. A verb takes `({ actor, input }, ctx)` with `ctx`
 * a Pick of this, so it names exactly the parts it uses and a test builds just those; the
 * console's own parts are built in lib/runtime/, one file per domain.
 *
 * Each domain adds the parts it owns to this interface where it defines them (`declare module
 * "@/lib/context"` in its deps or context-parts file), so this file imports no domain and every
 * domain imports it downwards; two domains declaring one part with different types fail to compile.
 */
export interface Context {
  db: DatabaseClient;
  audit: AuditLog;
  now(): Date;
}
