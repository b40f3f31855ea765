import "server-only";
import { readMigrationFiles } from "@/lib/db/migration-files";
import { applySqliteMigrations } from "@/lib/db/migrate-sqlite";
import { migrationsFolder, providerOf, sqliteFilePath } from "@/lib/db/provider";

import type { MigrationOutcome } from "@/lib/db/migration-plan";

export { MigrationError, type MigrationOutcome } from "@/lib/db/migration-plan";

/**
 * Brings the database up to the migrations shipped in `prisma/` (read from `process.cwd()`, so
 * a standalone build needs that folder copied beside server.js). Keeps Prisma's
 * `_prisma_migrations` history, so the Prisma CLI sees the same state. Throws `MigrationError`
 * when the history cannot be trusted (an edited or failed migration).
 */
export async function applyMigrations(input: {
  databaseUrl: string;
  migrationsDir?: string;
}): Promise<MigrationOutcome> {
  const provider = providerOf(input.databaseUrl);
  const files = await readMigrationFiles(input.migrationsDir ?? migrationsFolder(provider));
  if (provider === "postgresql") {
    // `pg` is loaded only for PostgreSQL URLs.
    const { applyPostgresqlMigrations } = await import("@/lib/db/migrate-postgresql");
    return applyPostgresqlMigrations(input.databaseUrl, files);
  }
  return applySqliteMigrations(sqliteFilePath(input.databaseUrl), files);
}
