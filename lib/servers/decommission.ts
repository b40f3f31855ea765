import type { Actor } from "@/lib/actor";
import { NotFoundError } from "@/lib/errors";
import type { ServerDeps } from "./deps";
import { readInventory } from "./inventory";
import { updateResources } from "./kustomization-change";
import { folders } from "./paths";
import { runServerChange, type ServerChange, type ServerChangeOutcome } from "./run-change";
import { decommissionServerSchema } from "./schema";
import { parseInput, requireRole } from "@/lib/verb";

/** Removes a server's files (Flux prunes its Hardware and Workflows) in one commit. */
export function decommissionChange(name: string): ServerChange {
  return {
    action: "decommission-server",
    summary: `servers: decommission ${name}`,
    target: name,
    consequences: [
      `${name}'s Hardware and Workflows are removed from Git, and Flux deletes them from the cluster.`,
      `Tinkerbell will no longer boot or install ${name}; its enrollment tokens are revoked. The disk is left as it is.`,
    ],
    change: async (tree) => {
      const inventory = await readInventory(tree);
      const server = inventory.servers.get(name);
      if (!server) throw new NotFoundError(`There is no server named ${name}`);
      const workflows = (inventory.workflows.get(name) ?? []).map((workflow) => workflow.path);
      await tree.delete(server.path);
      for (const path of workflows) await tree.delete(path);
      await updateResources(tree, folders.hardware, { remove: [server.path] });
      if (workflows.length > 0)
        await updateResources(tree, folders.workflows, { remove: workflows });
    },
  };
}

export async function decommissionServer(
  { actor, input, preview = false }: { actor: Actor; input: unknown; preview?: boolean },
  deps: ServerDeps,
): Promise<ServerChangeOutcome> {
  requireRole(actor, "operator", "Changing servers");
  const { name, previewDigest } = parseInput(decommissionServerSchema, input);
  const outcome = await runServerChange(deps, actor, decommissionChange(name), {
    preview,
    previewDigest,
  });
  if (outcome.kind === "committed" && deps.revokeServerTokens)
    await deps.revokeServerTokens(name, "decommissioned");
  if (outcome.kind === "committed") await deps.firstBootClaims?.disarm(name);
  return outcome;
}
