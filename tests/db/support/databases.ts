import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe } from "vitest";
import { databaseProviders, type DatabaseProvider } from "@/lib/db/provider";

/** A database this test minted for itself: an SQLite file or a PostgreSQL database. */
export type TestDatabase = { provider: DatabaseProvider; url: string; drop(): Promise<void> };

const serverUrl = process.env.TEST_POSTGRES_URL;
const runCommand = "bash scripts/with-postgres.sh npx vitest run tests/db";

async function createPostgresDatabase(): Promise<TestDatabase> {
  if (serverUrl === undefined) throw new Error(`TEST_POSTGRES_URL is not set; run: ${runCommand}`);
  const name = `foundry_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    provider: "postgresql",
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), "foundry-db-test-"));
  return {
    provider: "sqlite",
    url: `file:${path.join(dir, "foundry.db")}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function createTestDatabase(provider: DatabaseProvider): Promise<TestDatabase> {
  return provider === "postgresql" ? createPostgresDatabase() : createSqliteDatabase();
}

/**
 * Declares the suite once per provider. Without TEST_POSTGRES_URL the PostgreSQL suite fails
 * when CI is set (it must never vanish silently there) and is skipped, saying why, elsewhere.
 */
export function describeEachDatabase(
  title: string,
  body: (provider: DatabaseProvider) => void,
): void {
  for (const provider of databaseProviders) {
    const missing = provider === "postgresql" && serverUrl === undefined;
    if (missing && !process.env.CI) {
      describe.skip(`${title} [postgresql] (skipped: TEST_POSTGRES_URL unset; ${runCommand})`, () =>
        body(provider));
      continue;
    }
    describe(`${title} [${provider}]`, () => {
      if (missing) {
        beforeAll(() => {
          throw new Error(
            `CI is set but TEST_POSTGRES_URL is not: the PostgreSQL cases must run (${runCommand})`,
          );
        });
      }
      body(provider);
    });
  }
}
