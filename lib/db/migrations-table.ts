import { z } from "zod";
import type { DatabaseProvider } from "@/lib/db/provider";

/** Prisma's own bookkeeping table, created exactly as its schema engine creates it. */
export const migrationsTableDdl: Record<DatabaseProvider, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`,
};

export const selectAppliedSql = `SELECT "migration_name" AS "migrationName", "checksum",
  "finished_at" AS "finishedAt", "rolled_back_at" AS "rolledBackAt", "logs"
  FROM "_prisma_migrations" ORDER BY "started_at"`;

export const appliedMigrationSchema = z.object({
  migrationName: z.string(),
  checksum: z.string(),
  finishedAt: z.unknown(),
  rolledBackAt: z.unknown(),
  logs: z.string().nullable(),
});
