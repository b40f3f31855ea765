import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

export const databaseProviders: readonly DatabaseProvider[] = ["sqlite", "postgresql"];

/** The same rule as `env().database`: postgres:// and postgresql:// URLs are PostgreSQL. */
export function providerOf(databaseUrl: string): DatabaseProvider {
  return databaseUrl.startsWith("postgres") ? "postgresql" : "sqlite";
}

/** Where a provider's schema and migrations live, from the app root (`process.cwd()`). */
export function prismaFolder(provider: DatabaseProvider, root = process.cwd()): string {
  return provider === "sqlite" ? path.join(root, "prisma") : path.join(root, "prisma", provider);
}

export function migrationsFolder(provider: DatabaseProvider, root = process.cwd()): string {
  return path.join(prismaFolder(provider, root), "migrations");
}

export function schemaFile(provider: DatabaseProvider, root = process.cwd()): string {
  return path.join(prismaFolder(provider, root), "schema.prisma");
}

/** The file path inside a `file:` URL, as @prisma/adapter-better-sqlite3 reads it. */
export function sqliteFilePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "");
}
