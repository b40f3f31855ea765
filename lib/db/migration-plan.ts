import type { MigrationFile } from "@/lib/db/migration-files";

/** One row of Prisma's `_prisma_migrations` table, as the runner needs it. */
export type AppliedMigration = {
  migrationName: string;
  checksum: string;
  finishedAt: unknown;
  rolledBackAt: unknown;
  logs: string | null;
};

export type MigrationPlan = {
  /** Local migrations not applied yet, oldest first. */
  pending: MigrationFile[];
  /** Applied migrations this build does not know (a newer console migrated this database). */
  unknown: string[];
};

export type MigrationOutcome = {
  /** Migrations applied by this call, oldest first; empty when the database was up to date. */
  applied: string[];
  /** Migrations in the database that this build does not ship (a newer console ran). */
  unknown: string[];
};

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

const present = (value: unknown) => value !== null && value !== undefined;

/** Compares the history in the database with the migration folders, the way `migrate deploy` does. */
export function planMigrations(local: MigrationFile[], rows: AppliedMigration[]): MigrationPlan {
  const live = rows.filter((row) => !present(row.rolledBackAt));
  const failed = live.find((row) => !present(row.finishedAt));
  if (failed) {
    throw new MigrationError(
      `The database migration "${failed.migrationName}" failed earlier and was never completed` +
        `${failed.logs ? ` (${failed.logs.split("\n")[0]})` : ""}. The console will not start on a ` +
        "half-migrated database: repair it by hand, then mark the migration rolled back " +
        `(\`prisma migrate resolve --rolled-back ${failed.migrationName}\`, or set rolled_back_at ` +
        "on its _prisma_migrations row) so it is applied again.",
    );
  }
  const byName = new Map(local.map((file) => [file.name, file]));
  for (const row of live) {
    const file = byName.get(row.migrationName);
    if (file && file.checksum !== row.checksum) {
      throw new MigrationError(
        `The migration "${row.migrationName}" was changed after it was applied to this database ` +
          `(checksum ${row.checksum.slice(0, 12)}… applied, ${file.checksum.slice(0, 12)}… on disk). ` +
          "Restore its original migration.sql and put further changes in a new migration " +
          "(npm run db:migration -- <name>).",
      );
    }
  }
  const applied = new Set(live.map((row) => row.migrationName));
  return {
    pending: local.filter((file) => !applied.has(file.name)),
    unknown: [...applied].filter((name) => !byName.has(name)),
  };
}
