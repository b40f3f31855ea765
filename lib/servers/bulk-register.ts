import type { Actor } from "@/lib/actor";
import { InvalidError, type FieldIssues } from "@/lib/errors";
import { fieldIssues } from "@/lib/field-issues";
import { csvRows } from "./csv-rows";
import type { ServerDeps } from "./deps";
import { renderHardwareFile } from "./hardware-file";
import { readInventory } from "./inventory";
import { updateResources } from "./kustomization-change";
import { folders, hardwareFile } from "./paths";
import { runServerChange, type ServerChangeOutcome } from "./run-change";
import { bulkRegisterSchema, serverSpecSchema, type ServerSpec } from "./schema";
import { assertUnique } from "./uniqueness";
import { DuplicateError } from "./errors";
import { parseInput, requireRole } from "@/lib/verb";

export type RowReport = { row: number; name: string; fields: FieldIssues };
export type BulkOutcome = ServerChangeOutcome & { registered: string[]; refused: RowReport[] };

/** Valid rows, and a report for the rest; rows also clash with earlier rows of the same file. */
function checkRows(csv: string): {
  valid: { row: number; spec: ServerSpec }[];
  refused: RowReport[];
} {
  const parsed = csvRows(csv);
  const refused: RowReport[] = parsed.problems.map((problem) => ({
    row: problem.row,
    name: "",
    fields: problem.fields,
  }));
  const valid: { row: number; spec: ServerSpec }[] = [];
  const seen = {
    names: new Map<string, number>(),
    macs: new Map<string, number>(),
    ips: new Map<string, number>(),
  };
  for (const { row, input } of parsed.rows) {
    const result = serverSpecSchema.safeParse(input);
    if (!result.success) {
      refused.push({
        row,
        name: String(input.name ?? ""),
        fields: fieldIssues(result.error, "row"),
      });
      continue;
    }
    const spec = result.data;
    const fields: FieldIssues = {};
    const earlier = seen.names.get(spec.name);
    if (earlier) fields.name = [`is the same name as row ${earlier}`];
    spec.interfaces.forEach((item, index) => {
      const macRow = seen.macs.get(item.mac);
      if (macRow) fields[`interfaces.${index}.mac`] = [`${item.mac} is also in row ${macRow}`];
      const ipRow = item.mode === "static" ? seen.ips.get(item.address) : undefined;
      if (ipRow) fields[`interfaces.${index}.address`] = [`is also in row ${ipRow}`];
    });
    if (Object.keys(fields).length > 0) {
      refused.push({ row, name: spec.name, fields });
      continue;
    }
    seen.names.set(spec.name, row);
    for (const item of spec.interfaces) {
      seen.macs.set(item.mac, row);
      if (item.mode === "static") seen.ips.set(item.address, row);
    }
    valid.push({ row, spec });
  }
  return { valid, refused };
}

/** Registers every valid row in one commit; with allOrNothing, any refused row stops it all. */
export async function bulkRegisterServers(
  { actor, input, preview = false }: { actor: Actor; input: unknown; preview?: boolean },
  deps: ServerDeps,
): Promise<BulkOutcome> {
  requireRole(actor, "operator", "Changing servers");
  const { csv, allOrNothing, previewDigest } = parseInput(bulkRegisterSchema, input);
  const checked = checkRows(csv);
  let registered: string[] = [];
  let refused: RowReport[] = [];
  const refuse = () => {
    const fields: FieldIssues = {};
    for (const report of refused)
      fields[`rows.${report.row}`] = Object.entries(report.fields).map(
        ([field, messages]) => `${field}: ${messages.join(", ")}`,
      );
    return new InvalidError(
      registered.length === 0 && !allOrNothing
        ? "No row can be registered"
        : `${refused.length} row(s) need attention; nothing was committed`,
      fields,
    );
  };
  const outcome = await runServerChange(
    deps,
    actor,
    {
      action: "bulk-register-servers",
      summary: `servers: register ${checked.valid.length} servers from CSV`,
      target: `${checked.valid.length} servers from CSV`,
      consequences: [
        `${checked.valid.length} servers are added to Git as Tinkerbell Hardware in one commit.`,
      ],
      change: async (tree) => {
        registered = [];
        refused = [...checked.refused];
        const inventory = await readInventory(tree);
        const files: string[] = [];
        for (const { row, spec } of checked.valid) {
          try {
            assertUnique(spec, inventory);
          } catch (error) {
            if (!(error instanceof DuplicateError)) throw error;
            refused.push({ row, name: spec.name, fields: error.fields });
            continue;
          }
          const path = hardwareFile(spec.name);
          await tree.write(path, renderHardwareFile(spec));
          files.push(path);
          registered.push(spec.name);
        }
        refused.sort((a, b) => a.row - b.row);
        if (registered.length === 0 || (allOrNothing && refused.length > 0)) throw refuse();
        await updateResources(tree, folders.hardware, { add: files });
      },
    },
    { preview, previewDigest },
  );
  return { ...outcome, registered, refused };
}
