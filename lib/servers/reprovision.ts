import type { Actor } from "@/lib/actor";
import { ConflictError } from "@/lib/errors";
import type { ServerDeps } from "./deps";
import { readInventory } from "./inventory";
import { gitInventory } from "./list-servers";
import { runServerChange, type ServerChange, type ServerChangeOutcome } from "./run-change";
import { reprovisionServerSchema, type ReprovisionInput } from "./schema";
import { writeWorkflow } from "./workflow-plan";
import { parseInput, requireRole } from "@/lib/verb";
import { consoleAddressWarning } from "./console-address-warning";

/*
 * Tinkerbell never runs a Workflow twice, so a reinstall is a new generation: the old Workflow
 * file goes and `<name>-<n+1>` comes in the same commit (Flux prunes the old object).
 */
export function reprovisionChange(
  input: Omit<ReprovisionInput, "confirmName">,
  consoleUrl: string,
  installDisk: string,
  claimedUpTo = 0,
): ServerChange {
  return {
    action: "reprovision-server",
    summary: `servers: reprovision ${input.name} with ${input.template}`,
    target: input.name,
    consequences: [
      `The disk ${installDisk} of ${input.name} will be erased and ${input.template} installed from scratch the next time it network-boots.`,
      "Everything stored on that disk is lost.",
      `${input.name}'s enrollment tokens are revoked; the new install claims a new one.`,
      ...[consoleAddressWarning(consoleUrl)].filter((line) => line !== undefined),
    ],
    change: async (tree) => {
      const inventory = await readInventory(tree);
      if (
        (inventory.workflows.get(input.name) ?? []).length === 0 &&
        inventory.servers.has(input.name)
      ) {
        throw new ConflictError(`${input.name} was never provisioned; provision it first`);
      }
      await writeWorkflow(tree, inventory, { ...input, consoleUrl, claimedUpTo });
    },
  };
}

export async function reprovisionServer(
  { actor, input, preview = false }: { actor: Actor; input: unknown; preview?: boolean },
  deps: ServerDeps,
): Promise<ServerChangeOutcome> {
  requireRole(actor, "operator", "Changing servers");
  const {
    previewDigest,
    confirmName: _confirmed,
    ...parsed
  } = parseInput(reprovisionServerSchema, input);
  const { inventory } = await gitInventory(deps);
  const disk = inventory.servers.get(parsed.name)?.installDisk ?? "its install disk";
  const claimedUpTo = (await deps.lastClaimedGeneration?.(parsed.name)) ?? 0;
  const change = reprovisionChange(parsed, deps.consoleUrl, disk, claimedUpTo);
  const claims = deps.firstBootClaims;
  // A new claim secret: the old install, if it still runs, can no longer claim.
  if (claims) change.beforeCommit = () => claims.arm(parsed.name, actor);
  const outcome = await runServerChange(deps, actor, change, { preview, previewDigest });
  // The old install's tokens (media and first boot) must not outlive its generation.
  if (outcome.kind === "committed" && deps.revokeServerTokens)
    await deps.revokeServerTokens(parsed.name, "reprovisioned");
  return outcome;
}
