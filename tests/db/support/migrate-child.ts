// Run by the concurrency test as a separate process: one console starting up.
import { applyMigrations } from "@/lib/db/migrate";

const [databaseUrl, migrationsDir] = process.argv.slice(2);
if (databaseUrl === undefined || migrationsDir === undefined) {
  throw new Error("usage: migrate-child.ts <databaseUrl> <migrationsDir>");
}
applyMigrations({ databaseUrl, migrationsDir }).then(
  (outcome) => process.stdout.write(JSON.stringify(outcome)),
  (error: unknown) => {
    process.stderr.write(String(error));
    process.exit(1);
  },
);
