import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { MigrationFile } from "@/lib/db/migration-files";
import { MigrationError, planMigrations, type MigrationOutcome } from "@/lib/db/migration-plan";
import {
  appliedMigrationSchema,
  migrationsTableDdl,
  selectAppliedSql,
} from "@/lib/db/migrations-table";

/** The advisory lock key Prisma Migrate takes, so the CLI and the console exclude each other. */
const prismaAdvisoryLockKey = 72707369;
const lockWait = "60s";

async function applyNext(client: pg.Client, local: MigrationFile[]) {
  await client.query("BEGIN");
  try {
    const { rows } = await client.query(selectAppliedSql);
    const plan = planMigrations(
      local,
      rows.map((row) => appliedMigrationSchema.parse(row)),
    );
    const next = plan.pending[0];
    if (next === undefined) {
      await client.query("COMMIT");
      return { done: true as const, unknown: plan.unknown };
    }
    const startedAt = new Date();
    try {
      await client.query(next.script);
    } catch (error) {
      throw new MigrationError(
        `The database migration "${next.name}" failed and was rolled back: ${String(error)}`,
        { cause: error },
      );
    }
    await client.query(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name",
        "logs", "rolled_back_at", "started_at", "applied_steps_count")
       VALUES ($1, $2, $3, $4, NULL, NULL, $5, 1)`,
      [randomUUID(), next.checksum, new Date(), next.name, startedAt],
    );
    await client.query("COMMIT");
    return { done: false as const, name: next.name };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/*
 * One session holds Prisma's advisory lock for the whole run, so two consoles starting at once
 * apply each migration once; each migration and its history row commit in one transaction.
 */
export async function applyPostgresqlMigrations(
  databaseUrl: string,
  local: MigrationFile[],
): Promise<MigrationOutcome> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(`SET lock_timeout = '${lockWait}'`);
    try {
      await client.query("SELECT pg_advisory_lock($1)", [prismaAdvisoryLockKey]);
    } catch (error) {
      throw new MigrationError(
        `Another process held the migration lock for more than ${lockWait}; is a migration stuck?`,
        { cause: error },
      );
    }
    await client.query("RESET lock_timeout");
    await client.query(migrationsTableDdl.postgresql);
    const applied: string[] = [];
    for (;;) {
      const result = await applyNext(client, local);
      if (result.done) return { applied, unknown: result.unknown };
      applied.push(result.name);
    }
  } finally {
    await client.end();
  }
}
