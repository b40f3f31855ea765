import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrationsFolder, type DatabaseProvider } from "@/lib/db/provider";

/** A private copy of a provider's migrations folder that a test may change. */
export function copyMigrations(provider: DatabaseProvider): string {
  const folder = path.join(mkdtempSync(path.join(tmpdir(), "foundry-migrations-")), "migrations");
  cpSync(migrationsFolder(provider), folder, { recursive: true });
  return folder;
}

export function addMigration(folder: string, name: string, script: string): void {
  mkdirSync(path.join(folder, name));
  writeFileSync(path.join(folder, name, "migration.sql"), script);
}
