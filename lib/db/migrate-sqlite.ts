import "server-only";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { MigrationFile } from "@/lib/db/migration-files";
import { MigrationError, planMigrations, type MigrationOutcome } from "@/lib/db/migration-plan";
import {
  appliedMigrationSchema,
  migrationsTableDdl,
  selectAppliedSql,
} from "@/lib/db/migrations-table";

const busyTimeoutMs = 60_000;

function isBusy(error: unknown): boolean {
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
}

/*
 * SQLite skips the busy handler in a few cases (switching to WAL while another connection reads,
 * WAL recovery), answering SQLITE_BUSY at once; when two consoles start together, try again.
 */
function whileBusy<T>(work: () => T): T {
  const deadline = Date.now() + busyTimeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return work();
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      Atomics.wait(pause, 0, 0, 25 + Math.floor(Math.random() * 50));
    }
  }
}

/** Prisma's schema engine writes SQLite timestamps as RFC 3339 text with an explicit offset. */
const prismaTimestamp = (date: Date) => date.toISOString().replace("Z", "+00:00");

/*
 * Each migration runs in its own IMMEDIATE transaction, which takes SQLite's write lock before
 * reading the history: a second process waits (busy timeout), then sees the migration applied.
 * Foreign keys are off on this connection (PRAGMA foreign_keys is a no-op inside a transaction,
 * and Prisma's table redefinitions need it off) and checked before each commit instead.
 */
export function applySqliteMigrations(file: string, local: MigrationFile[]): MigrationOutcome {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  try {
    whileBusy(() => db.pragma("journal_mode = WAL"));
    db.pragma("foreign_keys = OFF");
    whileBusy(() => db.exec(migrationsTableDdl.sqlite));
    const applied: string[] = [];
    const step = db.transaction(() => {
      const rows = db
        .prepare(selectAppliedSql)
        .all()
        .map((row) => appliedMigrationSchema.parse(row));
      const plan = planMigrations(local, rows);
      const next = plan.pending[0];
      if (next === undefined) return { done: true as const, unknown: plan.unknown };
      const startedAt = new Date();
      try {
        db.exec(next.script);
      } catch (error) {
        throw new MigrationError(
          `The database migration "${next.name}" failed and was rolled back: ${String(error)}`,
          { cause: error },
        );
      }
      const violations = db.pragma("foreign_key_check");
      if (Array.isArray(violations) && violations.length > 0) {
        throw new MigrationError(
          `The database migration "${next.name}" would break ${violations.length} foreign key(s); rolled back.`,
        );
      }
      db.prepare(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name",
          "logs", "rolled_back_at", "started_at", "applied_steps_count")
         VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
      ).run(
        randomUUID(),
        next.checksum,
        prismaTimestamp(new Date()),
        next.name,
        prismaTimestamp(startedAt),
      );
      return { done: false as const, name: next.name };
    });
    for (;;) {
      const result = whileBusy(() => step.immediate());
      if (result.done) return { applied, unknown: result.unknown };
      applied.push(result.name);
    }
  } finally {
    db.close();
  }
}
