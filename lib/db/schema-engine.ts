import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import pg, { type PoolConfig } from "pg";
import { lockfileContent, lockfileName, readMigrationFiles } from "@/lib/db/migration-files";
import { withCharColumnsAsText } from "@/lib/db/pg-char-columns";
import { pgConfigFromUrl } from "@/lib/db/pg-config";
import { sqliteFilePath, type DatabaseProvider } from "@/lib/db/provider";
import { withMultiStatementScripts } from "@/lib/db/sqlite-scripts";

/*
 * Prisma's WebAssembly schema engine (an internal API of @prisma/schema-engine-wasm, a dev
 * dependency): the same migration diffing as `prisma migrate dev`, without the native engine
 * that cannot be downloaded here. For scripts and tests only; the console never loads it.
 */
type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let bindings: Promise<Bindings> | undefined;

async function loadBindings(): Promise<Bindings> {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const jsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const loaded: Bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(path.join(path.dirname(jsPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": loaded });
  loaded.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start !== "function") throw new Error("schema engine: __wbindgen_start missing");
  start();
  return loaded;
}

/**
 * The database the engine connects to. SQLite defaults to an in-memory one; on PostgreSQL the
 * engine also creates (and this module drops) shadow databases on the same server.
 */
export type EngineTarget =
  { provider: "sqlite"; databaseUrl?: string } | { provider: "postgresql"; databaseUrl: string };

const noFilters = { externalTables: [], externalEnums: [] };

/**
 * PrismaPg's own shadow database is dropped while its pool still holds a connection (adapter-pg
 * 7.10.1), so the drop fails: create the shadow databases here and drop them once done.
 * (Its shadow pool would also connect to the main database: pg lets connectionString win.)
 */
function postgresFactory(pool: pg.Pool, config: PoolConfig) {
  const shadows: string[] = [];
  const main = new PrismaPg(pool);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => withCharColumnsAsText(await main.connect()),
    connectToShadowDb: async () => {
      const database = `foundry_shadow_${randomUUID().replaceAll("-", "")}`;
      await pool.query(`CREATE DATABASE "${database}"`);
      shadows.push(database);
      const shadowPool = new pg.Pool({ ...config, database });
      const shadow = new PrismaPg(shadowPool, { disposeExternalPool: true });
      return withCharColumnsAsText(await shadow.connect());
    },
  };
  const dropShadows = async () => {
    for (const database of shadows) {
      await pool.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    }
  };
  return { factory, dropShadows };
}

function sqliteFactory(databaseUrl = ":memory:"): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl) });
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => withMultiStatementScripts(await base.connect()),
    connectToShadowDb: async () => withMultiStatementScripts(await base.connectToShadowDb()),
  };
}

function connectTarget(target: EngineTarget) {
  if (target.provider === "sqlite") {
    return { factory: sqliteFactory(target.databaseUrl), close: async () => undefined };
  }
  const config = pgConfigFromUrl(target.databaseUrl);
  const pool = new pg.Pool(config);
  const { factory, dropShadows } = postgresFactory(pool, config);
  const close = async () => {
    try {
      await dropShadows();
    } finally {
      await pool.end();
    }
  };
  return { factory, close };
}

/** Runs `work` with an engine connected through the provider's driver adapter. */
export async function withSchemaEngine<T>(
  target: EngineTarget,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  bindings ??= loadBindings();
  const { SchemaEngine } = await bindings;
  const { factory, close } = connectTarget(target);
  try {
    const engine = await SchemaEngine.new(
      { datamodels: undefined },
      () => undefined,
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    await close();
  }
}

export async function migrationList(
  provider: DatabaseProvider,
  folder: string,
): Promise<MigrationList> {
  const files = existsSync(folder) ? await readMigrationFiles(folder) : [];
  return {
    baseDir: folder,
    lockfile: { path: lockfileName, content: lockfileContent(provider) },
    shadowDbInitScript: "",
    migrationDirectories: files.map((file) => ({
      path: file.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: file.script } },
    })),
  };
}

/**
 * The SQL that takes a database migrated with every migration in `folder` to `schema`:
 * what `prisma migrate dev` would write next. `empty` is true when they already agree.
 */
export async function diffMigrationsToSchema(input: {
  target: EngineTarget;
  folder: string;
  schema: string;
}): Promise<{ empty: boolean; script: string }> {
  const from = await migrationList(input.target.provider, input.folder);
  return withSchemaEngine(input.target, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...from },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: input.schema }] },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return { empty: result.exitCode === 0, script: result.stdout ?? "" };
  });
}

/** What Prisma Migrate thinks of a database's history against the migration folders. */
export async function diagnoseHistory(target: EngineTarget, folder: string) {
  const migrationsList = await migrationList(target.provider, folder);
  return withSchemaEngine(target, (engine) =>
    engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: noFilters,
    }),
  );
}
