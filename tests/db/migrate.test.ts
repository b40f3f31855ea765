import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { checksumOf, readMigrationFiles } from "@/lib/db/migration-files";
import { applyMigrations, MigrationError } from "@/lib/db/migrate";
import { migrationsFolder, type DatabaseProvider } from "@/lib/db/provider";
import { diagnoseHistory } from "@/lib/db/schema-engine";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "./support/databases";
import { query, readHistory } from "./support/history";
import { addMigration, copyMigrations } from "./support/migration-folders";

const slowStatement: Record<DatabaseProvider, string> = {
  postgresql: "SELECT pg_sleep(0.2);",
  sqlite:
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000000) " +
    "SELECT count(*) FROM n;",
};

function runChild(databaseUrl: string, migrationsDir: string): Promise<string[]> {
  const script = path.join(import.meta.dirname, "support", "migrate-child.ts");
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", script, databaseUrl, migrationsDir],
    { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`migrate-child exited ${code}: ${err}`));
      const outcome: unknown = JSON.parse(out);
      const applied = (outcome as { applied?: unknown }).applied;
      resolve(Array.isArray(applied) ? applied.map(String) : []);
    });
  });
}

describeEachDatabase("applyMigrations", (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
  });
  afterEach(async () => {
    await database.drop();
  });

  it("applies every migration to an empty database and keeps Prisma's history", async () => {
    const files = await readMigrationFiles(migrationsFolder(provider));
    const outcome = await applyMigrations({ databaseUrl: database.url });

    expect(outcome).toEqual({ applied: files.map((file) => file.name), unknown: [] });
    const history = await readHistory(database);
    expect(history.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
    for (const row of history) {
      const bytes = readFileSync(
        path.join(migrationsFolder(provider), row.migration_name, "migration.sql"),
      );
      expect(row.checksum).toBe(checksumOf(bytes));
      expect(row).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 });
      expect(row.finished_at).not.toBeNull();
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    // Prisma's own schema engine reads the history and finds it complete and unedited.
    const diagnosis = await diagnoseHistory(
      { provider, databaseUrl: database.url },
      migrationsFolder(provider),
    );
    expect(diagnosis).toMatchObject({
      hasMigrationsTable: true,
      history: null,
      failedMigrationNames: [],
      editedMigrationNames: [],
    });
  });

  it("applies nothing the second time", async () => {
    await applyMigrations({ databaseUrl: database.url });
    const before = await readHistory(database);

    expect(await applyMigrations({ databaseUrl: database.url })).toEqual({
      applied: [],
      unknown: [],
    });
    expect(await readHistory(database)).toEqual(before);
  });

  it("applies each migration once when two processes start at the same time", async () => {
    // Slow migrations, so that the two runs surely overlap.
    const folder = copyMigrations(provider);
    for (const n of [1, 2, 3, 4, 5]) {
      const script = `CREATE TABLE "Extra${n}" ("id" INTEGER NOT NULL);\n${slowStatement[provider]}\n`;
      addMigration(folder, `29990101000${n}00_extra_${n}`, script);
    }
    const names = (await readMigrationFiles(folder)).map((file) => file.name);

    const [first, second] = await Promise.all([
      runChild(database.url, folder),
      runChild(database.url, folder),
    ]);

    expect([...first, ...second].sort()).toEqual(names);
    expect((await readHistory(database)).map((row) => row.migration_name)).toEqual(names);
  });

  it("refuses to start when an applied migration was edited", async () => {
    const folder = copyMigrations(provider);
    await applyMigrations({ databaseUrl: database.url, migrationsDir: folder });
    const [first] = await readMigrationFiles(folder);
    if (first === undefined) throw new Error("no migrations");
    const file = path.join(folder, first.name, "migration.sql");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n-- edited later\n`);

    const run = applyMigrations({ databaseUrl: database.url, migrationsDir: folder });
    await expect(run).rejects.toBeInstanceOf(MigrationError);
    await expect(run).rejects.toThrow(
      new RegExp(`migration "${first.name}" was changed after it was applied`),
    );
  });

  it("refuses to start after a migration failed, until it is resolved", async () => {
    await applyMigrations({ databaseUrl: database.url });
    await query(
      database,
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "logs", "applied_steps_count")
       VALUES ('00000000-0000-4000-8000-000000000000', 'x', '29990101000000_broken', 'syntax error', 0)`,
    );

    await expect(applyMigrations({ databaseUrl: database.url })).rejects.toThrow(
      /"29990101000000_broken" failed earlier .*syntax error/,
    );
  });

  it("rolls a failing migration back completely and names it", async () => {
    const folder = copyMigrations(provider);
    addMigration(
      folder,
      "29990101000000_half_broken",
      `CREATE TABLE "Kept" ("id" INTEGER NOT NULL);\nINSERT INTO "NoSuchTable" VALUES (1);\n`,
    );

    await expect(
      applyMigrations({ databaseUrl: database.url, migrationsDir: folder }),
    ).rejects.toThrow(/"29990101000000_half_broken" failed and was rolled back/);
    const history = await readHistory(database);
    expect(history.map((row) => row.migration_name)).not.toContain("29990101000000_half_broken");
    await expect(query(database, `SELECT * FROM "Kept"`)).rejects.toThrow();
  });
});
