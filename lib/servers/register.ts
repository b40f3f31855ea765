import type { Actor } from "@/lib/actor";
import type { ServerDeps } from "./deps";
import { DuplicateError } from "./errors";
import { renderHardwareFile } from "./hardware-file";
import { readInventory } from "./inventory";
import { updateResources } from "./kustomization-change";
import { folders, hardwareFile } from "./paths";
import { runServerChange, type ServerChange, type ServerChangeOutcome } from "./run-change";
import { registerServerSchema, type ServerSpec } from "./schema";
import { assertUnique } from "./uniqueness";
import { parseInput, requireRole } from "@/lib/verb";

/** The change that registers one server: its Hardware file and the kustomization entry. */
export function registerChange(spec: ServerSpec): ServerChange {
  const mac = spec.interfaces[0]?.mac ?? "";
  return {
    action: "register-server",
    summary: `servers: register ${spec.name} (${mac})`,
    target: spec.name,
    consequences: [
      `${spec.name} is added to Git as Tinkerbell Hardware; nothing is installed until you provision it.`,
    ],
    change: async (tree) => {
      const path = hardwareFile(spec.name);
      assertUnique(spec, await readInventory(tree));
      if (await tree.exists(path)) {
        throw new DuplicateError(`${path} already exists`, {
          name: [`${path} already exists in the repository`],
        });
      }
      await tree.write(path, renderHardwareFile(spec));
      await updateResources(tree, folders.hardware, { add: [path] });
    },
  };
}

export async function registerServer(
  { actor, input, preview = false }: { actor: Actor; input: unknown; preview?: boolean },
  deps: ServerDeps,
): Promise<ServerChangeOutcome> {
  requireRole(actor, "operator", "Changing servers");
  const { previewDigest, ...spec } = parseInput(registerServerSchema, input);
  return runServerChange(deps, actor, registerChange(spec), { preview, previewDigest });
}
