import type { Actor } from "@/lib/actor";
import { ConflictError } from "@/lib/errors";
import { consoleAddressWarning } from "./console-address-warning";
import type { ServerDeps } from "./deps";
import { readInventory } from "./inventory";
import { runServerChange, type ServerChange, type ServerChangeOutcome } from "./run-change";
import { provisionServerSchema, type ProvisionInput } from "./schema";
import { writeWorkflow } from "./workflow-plan";
import { parseInput, requireRole } from "@/lib/verb";

/** First install: a Workflow for the chosen template; refused once the server has one. */
export function provisionChange(
  input: ProvisionInput,
  consoleUrl: string,
  claimedUpTo = 0,
): ServerChange {
  return {
    action: "provision-server",
    summary: `servers: provision ${input.name} with ${input.template}`,
    target: input.name,
    consequences: [
      `Tinkerbell will install ${input.template} on ${input.name} the next time it network-boots, erasing its install disk.`,
      ...[consoleAddressWarning(consoleUrl)].filter((line) => line !== undefined),
    ],
    change: async (tree) => {
      const inventory = await readInventory(tree);
      const existing = inventory.workflows.get(input.name) ?? [];
      if (existing.length > 0) {
        throw new ConflictError(
          `${input.name} is already provisioned (${existing.map((w) => w.name).join(", ")}); reprovision it instead`,
        );
      }
      await writeWorkflow(tree, inventory, { ...input, consoleUrl, claimedUpTo });
    },
  };
}

export async function provisionServer(
  { actor, input, preview = false }: { actor: Actor; input: unknown; preview?: boolean },
  deps: ServerDeps,
): Promise<ServerChangeOutcome> {
  requireRole(actor, "operator", "Changing servers");
  const { previewDigest, ...parsed } = parseInput(provisionServerSchema, input);
  const claimedUpTo = (await deps.lastClaimedGeneration?.(parsed.name)) ?? 0;
  const change = provisionChange(parsed, deps.consoleUrl, claimedUpTo);
  const claims = deps.firstBootClaims;
  if (claims) change.beforeCommit = () => claims.arm(parsed.name, actor);
  return runServerChange(deps, actor, change, { preview, previewDigest });
}
