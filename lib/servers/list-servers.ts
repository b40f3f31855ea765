import { z } from "zod";
import type { Actor } from "@/lib/actor";
import { parseInput, requireRole } from "@/lib/verb";
import type { ServerDeps } from "./deps";
import { readInventory, type Inventory } from "./inventory";
import { folders } from "./paths";
import { architectures } from "./schema";
import type { ServerRecord, WorkflowRecord } from "./server-record";

/** What the Servers list can ask for; every field comes from the URL, so each has a fallback. */
export const serverStates = ["registered", "provisioned"] as const;
export const sortKeys = ["name", "hostname", "site", "rack", "state", "arch"] as const;

export const listQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  site: z.string().trim().max(63).optional().catch(undefined),
  state: z.enum(serverStates).optional().catch(undefined),
  arch: z.enum(architectures).optional().catch(undefined),
  sort: z.enum(sortKeys).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  size: z.coerce.number().int().min(10).max(200).default(50).catch(50),
});
export type ListQuery = z.output<typeof listQuerySchema>;

export type ServerRow = ServerRecord & {
  state: (typeof serverStates)[number];
  workflow?: WorkflowRecord;
};

export type ServerList = {
  sha: string;
  rows: ServerRow[];
  total: number;
  page: number;
  pages: number;
  sites: string[];
  problems: Inventory["problems"];
};

export function rowsOf(inventory: Inventory): ServerRow[] {
  return [...inventory.servers.values()].map((server) => {
    const workflow = inventory.workflows.get(server.name)?.at(-1);
    return {
      ...server,
      state: workflow ? "provisioned" : "registered",
      ...(workflow ? { workflow } : {}),
    };
  });
}

export function queryRows(
  all: ServerRow[],
  query: ListQuery,
): { rows: ServerRow[]; total: number; pages: number; page: number } {
  const needle = query.q?.toLowerCase();
  const matching = all.filter(
    (row) =>
      (!needle ||
        row.name.includes(needle) ||
        row.hostname.includes(needle) ||
        row.interfaces.some(
          (item) =>
            item.mac.includes(needle) || (item.mode === "static" && item.address.includes(needle)),
        )) &&
      (!query.site || row.site === query.site) &&
      (!query.state || row.state === query.state) &&
      (!query.arch || row.arch === query.arch),
  );
  const key = query.sort;
  const sign = query.dir === "asc" ? 1 : -1;
  matching.sort(
    (a, b) =>
      sign *
      ((a[key] ?? "").localeCompare(b[key] ?? "", "en", { numeric: true }) ||
        a.name.localeCompare(b.name)),
  );
  const pages = Math.max(1, Math.ceil(matching.length / query.size));
  const page = Math.min(query.page, pages);
  return {
    rows: matching.slice((page - 1) * query.size, page * query.size),
    total: matching.length,
    pages,
    page,
  };
}

/** The Servers list from Git at the remote branch's HEAD (live cluster state is joined by the page). */
export async function listServers(
  { actor, input }: { actor: Actor; input: unknown },
  deps: Pick<ServerDeps, "writer" | "reader">,
  options: { refresh?: boolean } = {},
): Promise<ServerList> {
  requireRole(actor, "viewer", "Listing servers");
  const query = parseInput(listQuerySchema, input ?? {});
  const inventory = await gitInventory(deps, options);
  const all = rowsOf(inventory.inventory);
  const sites = [...new Set(all.flatMap((row) => (row.site ? [row.site] : [])))].sort();
  return {
    sha: inventory.sha,
    ...queryRows(all, query),
    sites,
    problems: inventory.inventory.problems,
  };
}

export async function gitInventory(
  deps: Pick<ServerDeps, "writer" | "reader">,
  { refresh = false }: { refresh?: boolean } = {},
) {
  const snapshot = await deps.writer.readTree({ refresh });
  const reader = await deps.reader.readFolders(snapshot.sha, [
    folders.hardware,
    folders.workflows,
    folders.templates,
  ]);
  return { sha: snapshot.sha, reader, inventory: await readInventory(reader) };
}
