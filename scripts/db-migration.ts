// `npm run db:migration -- <name>`: writes the next migration for both providers, computed by
// Prisma's own schema engine (WebAssembly) from the migration history to prisma/schema.prisma.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { lockfileContent, lockfileName, readMigrationFiles } from "@/lib/db/migration-files";
import {
  databaseProviders,
  migrationsFolder,
  schemaFile,
  type DatabaseProvider,
} from "@/lib/db/provider";
import { diffMigrationsToSchema, type EngineTarget } from "@/lib/db/schema-engine";
import { derivePostgresqlSchema } from "@/prisma/schema-variants.mjs";

const root = process.cwd();
const nameSchema = z
  .string({ error: "usage: npm run db:migration -- <name>" })
  .trim()
  .min(1, "usage: npm run db:migration -- <name>")
  .transform((value) =>
    value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, ""),
  )
  .pipe(z.string().min(1, "the name needs at least one letter or digit"));

function timestamp(now: Date): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

async function lastMigrationName(): Promise<string> {
  const names = await Promise.all(
    databaseProviders.map(async (provider) => {
      const folder = migrationsFolder(provider, root);
      const files = existsSync(folder) ? await readMigrationFiles(folder) : [];
      return files.at(-1)?.name ?? "";
    }),
  );
  return names.sort().at(-1) ?? "";
}

async function main(): Promise<void> {
  const parsed = nameSchema.safeParse(process.argv[2]);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (serverUrl === undefined) {
    // The PostgreSQL diff replays the history in a shadow database: borrow a throwaway server.
    const script = path.join(root, "scripts", "with-postgres.sh");
    const self = [process.execPath, ...process.execArgv, ...process.argv.slice(1)];
    const rerun = spawnSync("bash", [script, ...self], { stdio: "inherit" });
    process.exit(rerun.status ?? 1);
  }

  const canonical = await readFile(schemaFile("sqlite", root), "utf8");
  const schemas: Record<DatabaseProvider, string> = {
    sqlite: canonical,
    postgresql: derivePostgresqlSchema(canonical),
  };
  await writeFile(schemaFile("postgresql", root), schemas.postgresql);

  const targets: Record<DatabaseProvider, EngineTarget> = {
    sqlite: { provider: "sqlite" },
    postgresql: { provider: "postgresql", databaseUrl: serverUrl },
  };
  const diffs = await Promise.all(
    databaseProviders.map(async (provider) => ({
      provider,
      ...(await diffMigrationsToSchema({
        target: targets[provider],
        folder: migrationsFolder(provider, root),
        schema: schemas[provider],
      })),
    })),
  );
  if (diffs.every((diff) => diff.empty)) {
    console.log(
      "db:migration: the migrations already match prisma/schema.prisma; nothing written.",
    );
    return;
  }

  let stamp = timestamp(new Date());
  const last = await lastMigrationName();
  if (`${stamp}_` <= last) stamp = String(Number(last.slice(0, 14)) + 1);
  const name = `${stamp}_${parsed.data}`;
  for (const diff of diffs) {
    const folder = migrationsFolder(diff.provider, root);
    await mkdir(path.join(folder, name), { recursive: true });
    await writeFile(path.join(folder, name, "migration.sql"), diff.script);
    const lockfile = path.join(folder, lockfileName);
    if (!existsSync(lockfile)) await writeFile(lockfile, lockfileContent(diff.provider));
    console.log(
      `db:migration: wrote ${path.relative(root, path.join(folder, name, "migration.sql"))}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
