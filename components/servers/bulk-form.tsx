"use client";

import { useState } from "react";
import { csvColumns } from "@/lib/servers/csv-rows";
import { ChangePanel, primaryButton } from "./change-panel";
import type { RowReport } from "./change-result";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { useHydrated } from "./use-hydrated";
import { useChangeFlow, type ServerAction } from "./use-change-flow";
import { ScrollRegion } from "@/components/ui/scroll-region";

function Report({ refused }: { refused: RowReport[] }) {
  if (refused.length === 0) return null;
  return (
    <ScrollRegion label="Rows that were not registered">
      <table className="text-left text-sm" aria-label="Rows that were not registered">
        <thead>
          <tr>
            <th className="pr-4">Row</th>
            <th className="pr-4">Name</th>
            <th>Problems</th>
          </tr>
        </thead>
        <tbody>
          {refused.map((report) => (
            <tr key={report.row}>
              <td className="pr-4">{report.row}</td>
              <td className="pr-4 font-mono">{report.name}</td>
              <td>
                {Object.entries(report.fields)
                  .map(([field, messages]) => `${field}: ${messages.join(", ")}`)
                  .join("; ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Paste or upload a CSV; valid rows become one commit, the rest a per-row report. */
export function BulkForm({ action }: { action: ServerAction }) {
  const flow = useChangeFlow(action);
  const hydrated = useHydrated();
  const [csv, setCsv] = useState(`${csvColumns.join(",")}\n`);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const state = flow.state;
  const refused =
    state.step === "confirm"
      ? state.preview.refused
      : state.step === "done"
        ? state.result.refused
        : undefined;
  return (
    <div className="max-w-4xl space-y-4">
      {state.step === "editing" || state.step === "failed" || state.step === "previewing" ? (
        <form
          className="space-y-3"
          aria-label="Bulk register"
          onSubmit={(event) => {
            event.preventDefault();
            flow.preview({ csv, allOrNothing });
          }}
        >
          <Field
            id="csv"
            label="CSV"
            errors={flow.fields.csv}
            hint={`Columns: ${csvColumns.join(", ")}. name and mac are required.`}
          >
            <textarea
              id="csv"
              rows={12}
              className={`${inputClass} font-mono`}
              value={csv}
              onChange={(e) => setCsv(e.target.value)}
            />
          </Field>
          <Field id="csv-file" label="…or upload a file">
            <input
              id="csv-file"
              type="file"
              accept=".csv,text/csv"
              onChange={async (e) => setCsv((await e.target.files?.[0]?.text()) ?? csv)}
            />
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={allOrNothing}
              onChange={(e) => setAllOrNothing(e.target.checked)}
            />
            All or nothing: commit only if every row is valid
          </label>
          {Object.entries(flow.fields)
            .filter(([key]) => key.startsWith("rows."))
            .map(([key, messages]) => (
              <p key={key} className="text-xs text-red-700">
                Row {key.slice(5)}: {messages.join("; ")}
              </p>
            ))}
          <ChangePanel state={state} onConfirm={flow.confirm} onBack={flow.reset} />
          <button type="submit" className={primaryButton} disabled={!hydrated}>
            Preview the commit
          </button>
        </form>
      ) : (
        <ChangePanel state={state} onConfirm={flow.confirm} onBack={flow.reset} />
      )}
      {refused ? <Report refused={refused} /> : null}
    </div>
  );
}
