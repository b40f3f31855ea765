import type { Actor } from "@/lib/actor";
import { NotFoundError } from "@/lib/errors";
import type { ServerDeps } from "./deps";
import { editHardwareFile } from "./hardware-file";
import { readInventory } from "./inventory";
import { runServerChange, type ServerChange, type ServerChangeOutcome } from "./run-change";
import { editServerSchema, type ServerSpec } from "./schema";
import { assertUnique } from "./uniqueness";
import { parseInput, requireRole } from "@/lib/verb";

/** Edits a server's Hardware in place: only the fields the console manages change. */
export function editChange(spec: ServerSpec): ServerChange {
  return {
    action: "edit-server",
    summary: `servers: edit ${spec.name}`,
    target: spec.name,
    consequences: [
      `${spec.name}'s Hardware changes in Git; an installed operating system is not touched.`,
    ],
    change: async (tree) => {
      const inventory = await readInventory(tree);
      const current = inventory.servers.get(spec.name);
      const text = current && (await tree.read(current.path));
      if (!current || text === undefined)
        throw new NotFoundError(`There is no server named ${spec.name}`);
      assertUnique(spec, inventory, spec.name);
      const { path, allowWorkflow, ...before } = current;
      await tree.write(
        path,
        editHardwareFile(text, { spec: before, allowWorkflow }, { spec, allowWorkflow }),
      );
    },
  };
}

export async function editServer(
  { actor, input, preview = false }: { actor: Actor; input: unknown; preview?: boolean },
  deps: ServerDeps,
): Promise<ServerChangeOutcome> {
  requireRole(actor, "operator", "Changing servers");
  const { previewDigest, ...spec } = parseInput(editServerSchema, input);
  return runServerChange(deps, actor, editChange(spec), { preview, previewDigest });
}
