import { defineConfig } from "prisma/config";

// For the Prisma CLI only (the console applies migrations itself, see lib/db/migrate.ts).
// The URL picks the provider: postgres… uses the derived PostgreSQL schema and its migrations.
const url = process.env.DATABASE_URL;
const folder = url?.startsWith("postgres") ? "prisma/postgresql" : "prisma";

export default defineConfig({
  schema: `${folder}/schema.prisma`,
  migrations: { path: `${folder}/migrations` },
  ...(url === undefined ? {} : { datasource: { url } }),
});
