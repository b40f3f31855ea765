import "server-only";
import { createDatabaseClient, type DatabaseClient } from "@/lib/db/client";
import { checkDatabase, type DatabaseHealth } from "@/lib/db/health";
import { env } from "@/lib/settings/env";
import { singleton } from "@/lib/singleton";

export { createDatabaseClient, type DatabaseClient } from "@/lib/db/client";
export type { DatabaseHealth } from "@/lib/db/health";

/** The one Prisma client of the process, for the database `DATABASE_URL` names. */
export function db(): DatabaseClient {
  return singleton("db", () => createDatabaseClient(env().databaseUrl));
}

/** For the health route: a `SELECT 1` with a short timeout; the reason never holds the URL. */
export function databaseHealth(timeoutMs = 2_000): Promise<DatabaseHealth> {
  return checkDatabase(db(), env().databaseUrl, timeoutMs);
}
