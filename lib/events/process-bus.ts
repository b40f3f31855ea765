import { pgConfigFromUrl } from "@/lib/db/pg-config";
import { env } from "@/lib/settings/env";
import { singleton } from "@/lib/singleton";
import { createEventBus, type EventBus } from "./bus";
import { createPostgresEventBus } from "./postgres-bus";

/**
 * The process's bus. On PostgreSQL every replica shares it through the database, so a change on
 * one reaches browsers streaming from another; on SQLite the console is one process and the bus
 * stays in its memory.
 */
export function eventBus(): EventBus {
  return singleton("event-bus", () => {
    const settings = env();
    return settings.database === "postgresql"
      ? createPostgresEventBus(pgConfigFromUrl(settings.databaseUrl))
      : createEventBus();
  });
}
