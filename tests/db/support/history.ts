import Database from "better-sqlite3";
import pg from "pg";
import { z } from "zod";
import { sqliteFilePath } from "@/lib/db/provider";
import type { TestDatabase } from "./databases";

const rowSchema = z.object({
  id: z.string(),
  checksum: z.string(),
  finished_at: z.unknown(),
  migration_name: z.string(),
  logs: z.string().nullable(),
  rolled_back_at: z.unknown(),
  started_at: z.unknown(),
  applied_steps_count: z.coerce.number(),
});
export type HistoryRow = z.infer<typeof rowSchema>;

/** Runs SQL on a test database outside the code under test. */
export async function query(database: TestDatabase, sql: string): Promise<unknown[]> {
  if (database.provider === "sqlite") {
    const db = new Database(sqliteFilePath(database.url));
    try {
      const statement = db.prepare(sql);
      return statement.reader ? statement.all() : (statement.run(), []);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

export async function readHistory(database: TestDatabase): Promise<HistoryRow[]> {
  const rows = await query(
    database,
    `SELECT * FROM "_prisma_migrations" ORDER BY "migration_name"`,
  );
  return rows.map((row) => rowSchema.parse(row));
}
