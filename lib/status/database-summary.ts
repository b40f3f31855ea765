import "server-only";
import { databaseHealth, type DatabaseHealth } from "@/lib/db";
import { env } from "@/lib/settings/env";

export type DatabaseSummary = { engine: "SQLite" | "PostgreSQL"; health: DatabaseHealth };

/** What the overview shows of the database: its engine, and whether it answers. */
export async function databaseSummary(): Promise<DatabaseSummary> {
  return {
    engine: env().database === "sqlite" ? "SQLite" : "PostgreSQL",
    health: await databaseHealth(),
  };
}
