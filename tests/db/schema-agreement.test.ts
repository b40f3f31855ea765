import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { migrationsFolder, schemaFile, type DatabaseProvider } from "@/lib/db/provider";
import { diffMigrationsToSchema, type EngineTarget } from "@/lib/db/schema-engine";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "./support/databases";

/*
 * The agreement test: Prisma's schema engine replays each provider's migrations into a shadow
 * database and diffs the result against that provider's schema.prisma. Any difference means a
 * schema change without its migration (or the reverse): run `npm run db:migration -- <name>`.
 */
async function diffFor(provider: DatabaseProvider, schema: string) {
  const database: TestDatabase | undefined =
    provider === "postgresql" ? await createTestDatabase(provider) : undefined;
  const target: EngineTarget =
    database === undefined
      ? { provider: "sqlite" }
      : { provider: "postgresql", databaseUrl: database.url };
  try {
    return await diffMigrationsToSchema({ target, folder: migrationsFolder(provider), schema });
  } finally {
    await database?.drop();
  }
}

describeEachDatabase("schema.prisma and the migrations agree", (provider) => {
  const schema = () => readFileSync(schemaFile(provider), "utf8");

  it("has nothing to migrate", async () => {
    const diff = await diffFor(provider, schema());
    expect(
      diff.script,
      "schema.prisma changed without a migration: npm run db:migration -- <name>",
    ).not.toMatch(/CREATE|ALTER|DROP/);
    expect(diff.empty).toBe(true);
  });

  it("would notice a field added to the schema without a migration", async () => {
    const changed = schema().replace(
      /model AuditEntry \{\n/,
      "model AuditEntry {\n  notMigrated String?\n",
    );
    expect(changed).not.toBe(schema());

    const diff = await diffFor(provider, changed);
    expect(diff.empty).toBe(false);
    expect(diff.script).toMatch(/ALTER TABLE "AuditEntry"/);
    expect(diff.script).toMatch(/ADD COLUMN\s+"notMigrated" TEXT/);
  });
});
