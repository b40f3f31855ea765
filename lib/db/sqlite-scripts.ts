import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";

/*
 * The schema engine replays SQLite migrations into the shadow database with executeRaw, but
 * @prisma/adapter-better-sqlite3 7.10 prepares one statement at a time and rejects a whole
 * migration.sql ("contains more than one statement"). Run such parameterless SQL as a script.
 */
export function withMultiStatementScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  const patched: SqlDriverAdapter["executeRaw"] = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      const multiStatement =
        error instanceof RangeError && error.message.includes("more than one statement");
      if (!multiStatement || query.args.length > 0) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  Object.defineProperty(adapter, "executeRaw", { value: patched });
  return adapter;
}
