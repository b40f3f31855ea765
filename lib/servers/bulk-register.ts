import type { Actor } from "@/lib/actor";
import { ConflictError, InvalidError, type FieldIssues } from "@/lib/errors";
import { giveWayAt, mapYielding } from "@/lib/event-loop";
import { fieldIssues } from "@/lib/field-issues";
import { csvRows } from "./csv-rows";
import type { ServerDeps } from "./deps";
import { renderHardwareFile } from "./hardware-file";
import { readInventory, rememberHardwareFile, type Inventory } from "./inventory";
import { gitInventory } from "./list-servers";
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
async function checkRows(csv: string): Promise<{
  valid: { row: number; spec: ServerSpec }[];
  refused: RowReport[];
}> {
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
  for (const [index, { row, input }] of parsed.rows.entries()) {
    await giveWayAt(index, 200);
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

type Row = { row: number; spec: ServerSpec };

/** The valid rows that also fit what the repository holds, and a report for those that clash. */
function fitRepository(
  valid: Row[],
  inventory: Inventory,
): { fits: Row[]; conflicts: RowReport[] } {
  const fits: Row[] = [];
  const conflicts: RowReport[] = [];
  for (const { row, spec } of valid) {
    try {
      assertUnique(spec, inventory);
      fits.push({ row, spec });
    } catch (error) {
      if (!(error instanceof DuplicateError)) throw error;
      conflicts.push({ row, name: spec.name, fields: error.fields });
    }
  }
  return { fits, conflicts };
}

/** Registers every valid row in one commit; with allOrNothing, any refused row stops it all. */
export async function bulkRegisterServers(
  { actor, input, preview = false }: { actor: Actor; input: unknown; preview?: boolean },
  deps: ServerDeps,
): Promise<BulkOutcome> {
  requireRole(actor, "operator", "Changing servers");
  const { csv, allOrNothing, previewDigest } = parseInput(bulkRegisterSchema, input);
  const checked = await checkRows(csv);
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
        : `${refused.length} ${refused.length === 1 ? "row needs" : "rows need"} attention; nothing was committed`,
      fields,
    );
  };
  // The commit message and the preview count the rows that fit the repository, not only the CSV.
  const planned = fitRepository(
    checked.valid,
    (await gitInventory(deps, { refresh: true })).inventory,
  );
  const count = planned.fits.length;
  // Rendered before the change, which runs in the writer's queue: other writes wait only for the
  // files to be written, not for 10,000 of them to be made.
  // Rendering and parsing a server takes up to a millisecond: a few at a time between turns.
  const rendered = new Map(
    await mapYielding(
      planned.fits,
      ({ spec }) => {
        const text = renderHardwareFile(spec);
        if (!preview) rememberHardwareFile(hardwareFile(spec.name), text);
        return [spec.name, text] as const;
      },
      20,
    ),
  );
  const outcome = await runServerChange(
    deps,
    actor,
    {
      action: "bulk-register-servers",
      summary: `servers: register ${count} ${count === 1 ? "server" : "servers"} from CSV`,
      target: `${count} ${count === 1 ? "server" : "servers"} from CSV`,
      consequences: [
        `${count} ${count === 1 ? "server is" : "servers are"} added to Git as Tinkerbell Hardware in one commit.`,
      ],
      change: async (tree) => {
        const fitted = fitRepository(checked.valid, await readInventory(tree));
        registered = fitted.fits.map(({ spec }) => spec.name);
        refused = [...checked.refused, ...fitted.conflicts].sort((a, b) => a.row - b.row);
        if (registered.length === 0 || (allOrNothing && refused.length > 0)) throw refuse();
        if (registered.join("\n") !== planned.fits.map(({ spec }) => spec.name).join("\n")) {
          throw new ConflictError(
            "The repository changed while the rows were checked, so the commit would not register the servers counted. Look at the new preview and confirm again.",
          );
        }
        // The rows that fit are the ones planned (checked just above), rendered in that order.
        const files: string[] = [];
        for (const [name, text] of rendered) {
          const path = hardwareFile(name);
          await tree.write(path, text);
          files.push(path);
        }
        await updateResources(tree, folders.hardware, { add: files });
      },
    },
    { preview, previewDigest },
  );
  return { ...outcome, registered, refused };
}
