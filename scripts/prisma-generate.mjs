// Derives the PostgreSQL schema from the canonical SQLite one, then generates both Prisma
// clients. Runs as `postinstall`, so it must work offline and after `npm ci --omit=dev`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  canonicalSchemaPath,
  derivePostgresqlSchema,
  postgresqlSchemaPath,
} from "../prisma/schema-variants.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

function prismaCli() {
  try {
    return require.resolve("prisma/build/index.js", { paths: [root] });
  } catch {
    return undefined;
  }
}

const canonical = readFileSync(path.join(root, canonicalSchemaPath), "utf8");
writeFileSync(path.join(root, postgresqlSchemaPath), derivePostgresqlSchema(canonical));

const cli = prismaCli();
if (cli === undefined) {
  console.log("prisma-generate: the prisma CLI is not installed (production install); skipped.");
  process.exit(0);
}

// `prisma generate` never runs the schema engine, but it downloads one unless this points at
// an existing file; no npm package ships the native engine, and the machine may be offline.
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
env.CHECKPOINT_DISABLE = "1";

for (const schema of [canonicalSchemaPath, postgresqlSchemaPath]) {
  const result = spawnSync(process.execPath, [cli, "generate", "--schema", schema], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error(`prisma-generate: generating the client for ${schema} failed.`);
    process.exit(result.status ?? 1);
  }
}
