import type { ReactNode } from "react";
import type { Assessed } from "@/lib/oci/assess";
import type { Section } from "@/lib/oci/types";
import { ChargeCell } from "./charge-cell";
import { ScrollRegion } from "@/components/ui/scroll-region";

export type Column<T> = { header: string; cell: (row: T) => ReactNode; numeric?: boolean };

/** One section of the Cloud page: a dense table with a cost column, or that call's own error. */
export function ResourceTable<T extends { charge: Assessed<object>["charge"] }>({
  title,
  section,
  columns,
  rowKey,
  empty,
}: {
  title: string;
  section: Section<T[]>;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  empty: string;
}) {
  const id = `cloud-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section className="mt-8" aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      {!section.ok ? (
        <p
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {section.error}
        </p>
      ) : section.value.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>
      ) : (
        <ScrollRegion
          label={title}
          className="rounded-lg border border-zinc-200 dark:border-zinc-800"
        >
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-zinc-50 text-xs uppercase text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
              <tr>
                {columns.map((column) => (
                  <th
                    key={column.header}
                    scope="col"
                    className={
                      column.numeric ? "px-3 py-2 text-right font-medium" : "px-3 py-2 font-medium"
                    }
                  >
                    {column.header}
                  </th>
                ))}
                <th scope="col" className="px-3 py-2 font-medium">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {section.value.map((row) => (
                <tr
                  key={rowKey(row)}
                  className={row.charge.costsMoney ? "bg-red-50 dark:bg-red-950/40" : undefined}
                >
                  {columns.map((column) => (
                    <td
                      key={column.header}
                      className={column.numeric ? "px-3 py-2 text-right tabular-nums" : "px-3 py-2"}
                    >
                      {column.cell(row)}
                    </td>
                  ))}
                  <td className="px-3 py-2">
                    <ChargeCell charge={row.charge} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
