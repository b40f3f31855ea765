import type { SqlDriverAdapter, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/*
 * The schema engine reads PostgreSQL catalogs whose columns have the internal type "char"
 * (oid 18, e.g. pg_class.relkind), which @prisma/adapter-pg 7.10 cannot map ("Column type
 * 'char' could not be deserialized"). Its values are one-letter text: relabel them as text.
 */
const relabel = new Map([
  [18, 25], // "char"   -> text
  [1002, 1009], // "char"[] -> text[]
]);

type Field = { dataTypeID: number };
type PerformIO = (query: SqlQuery) => Promise<{ fields: Field[] }>;

function hasPerformIO(value: object): value is { performIO: PerformIO } {
  return typeof Reflect.get(value, "performIO") === "function";
}

function patchQueryable<T extends object>(queryable: T): T {
  if (!hasPerformIO(queryable)) {
    throw new Error("@prisma/adapter-pg changed: performIO is gone; revisit pg-char-columns.ts");
  }
  const original = queryable.performIO.bind(queryable);
  const performIO: PerformIO = async (query) => {
    const result = await original(query);
    for (const field of result.fields) {
      field.dataTypeID = relabel.get(field.dataTypeID) ?? field.dataTypeID;
    }
    return result;
  };
  Object.defineProperty(queryable, "performIO", { value: performIO });
  return queryable;
}

export function withCharColumnsAsText(adapter: SqlDriverAdapter): SqlDriverAdapter {
  patchQueryable(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  const patched: SqlDriverAdapter["startTransaction"] = async (isolationLevel) =>
    patchQueryable<Transaction>(await startTransaction(isolationLevel));
  Object.defineProperty(adapter, "startTransaction", { value: patched });
  return adapter;
}
