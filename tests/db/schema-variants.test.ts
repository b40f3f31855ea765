import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lockfileContent, lockfileName } from "@/lib/db/migration-files";
import { databaseProviders, migrationsFolder, schemaFile } from "@/lib/db/provider";
import { derivePostgresqlSchema } from "@/prisma/schema-variants.mjs";

describe("the two schemas", () => {
  const canonical = readFileSync(schemaFile("sqlite"), "utf8");

  it("keeps prisma/postgresql/schema.prisma derived from prisma/schema.prisma", () => {
    const derived = readFileSync(schemaFile("postgresql"), "utf8");
    expect(derived, "run npm run prisma:generate").toBe(derivePostgresqlSchema(canonical));
  });

  it("differs only in the provider and the generated client's folder", () => {
    const changed = derivePostgresqlSchema(canonical)
      .split("\n")
      .filter((line) => !canonical.split("\n").includes(line));
    expect(changed).toEqual([
      expect.stringMatching(/^\/\/ GENERATED/),
      '  output   = "../../lib/generated/prisma/postgresql"',
      '  provider = "postgresql"',
    ]);
  });

  it.each(databaseProviders)("has Prisma's migration_lock.toml for %s", (provider) => {
    const lockfile = readFileSync(`${migrationsFolder(provider)}/${lockfileName}`, "utf8");
    expect(lockfile).toBe(lockfileContent(provider));
  });
});
