import type { ServerDeps } from "./deps";
import { gitInventory, rowsOf, type ServerRow } from "./list-servers";
import { readCatalog, type Catalog } from "./template-catalog";

export type ServerDetail = {
  sha: string;
  server: ServerRow;
  file: string;
  workflowFile?: string;
  catalog: Catalog;
};

/** One server as Git holds it, with its files' text and the templates it could be given. */
export async function getServer(name: string, deps: ServerDeps): Promise<ServerDetail | undefined> {
  const { sha, reader, inventory } = await gitInventory(deps);
  const server = rowsOf(inventory).find((row) => row.name === name);
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

export async function listTemplates(deps: ServerDeps): Promise<Catalog> {
  const { reader } = await gitInventory(deps);
  return readCatalog(reader);
}
