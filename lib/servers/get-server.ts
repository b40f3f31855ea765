import type { Actor } from "@/lib/actor";
import { requireRole } from "@/lib/verb";
import type { ServerDeps } from "./deps";
import { gitInventory, rowsOf, type ServerRow } from "./list-servers";
import { serverNameSchema } from "./schema";
import { readCatalog, type Catalog } from "./template-catalog";

export type ServerDetail = {
  sha: string;
  server: ServerRow;
  file: string;
  workflowFile?: string;
  catalog: Catalog;
};

/**
 * One server as Git holds it, with its files' text and the templates it could be given; none for
 * a name the console could never have written (a URL typed by hand), as for one not in Git.
 */
export async function getServer(
  { actor, input }: { actor: Actor; input: { name: unknown } },
  deps: Pick<ServerDeps, "writer" | "reader">,
): Promise<ServerDetail | undefined> {
  requireRole(actor, "viewer", "Reading servers");
  const name = serverNameSchema.safeParse(input.name);
  if (!name.success) return undefined;
  const { sha, reader, inventory } = await gitInventory(deps);
  const server = rowsOf(inventory).find((row) => row.name === name.data);
  if (!server) return undefined;
  const file = (await reader.read(server.path)) ?? "";
  const workflowFile = server.workflow ? await reader.read(server.workflow.path) : undefined;
  return {
    sha,
    server,
    file,
    ...(workflowFile ? { workflowFile } : {}),
    catalog: await readCatalog(reader),
  };
}
