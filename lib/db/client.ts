import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient as PostgresqlPrismaClient } from "@/lib/generated/prisma/postgresql/client";
import { PrismaClient as SqlitePrismaClient } from "@/lib/generated/prisma/sqlite/client";
import { lazyPrismaPg } from "@/lib/db/lazy-prisma-pg";
import { providerOf, sqliteFilePath } from "@/lib/db/provider";

/**
 * The one client type the app sees. Both generated clients come from the same models (the
 * PostgreSQL schema is derived from the SQLite one), so the SQLite client's type stands for both.
 */
export type DatabaseClient = SqlitePrismaClient;

/**
 * The one cast: the two generated clients have the same model API but differ where the
 * providers do (e.g. PostgreSQL's extra transaction isolation levels), so TypeScript will not
 * assign one to the other. Through this type the app only uses what both providers support.
 */
function asDatabaseClient(client: PostgresqlPrismaClient): DatabaseClient {
  return client as unknown as DatabaseClient;
}

/** A new client for an explicit URL (the app uses `db()`; tests and scripts use this). */
export function createDatabaseClient(databaseUrl: string): DatabaseClient {
  if (providerOf(databaseUrl) === "postgresql") {
    const adapter = lazyPrismaPg({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
    return asDatabaseClient(new PostgresqlPrismaClient({ adapter }));
  }
  const adapter = new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl), timeout: 5_000 });
  return new SqlitePrismaClient({ adapter });
}
