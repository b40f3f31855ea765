import { z } from "zod";
import type { Actor } from "@/lib/actor";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { buildBmcJob, powerActions, type PowerAction } from "@/lib/manifests/bmc-job";
import { toYaml } from "@/lib/manifests/yaml-document";
import { parseInput, requireRole } from "@/lib/verb";
import type { ServerDeps } from "./deps";
import { readInventory } from "./inventory";
import { updateResources } from "./kustomization-change";
import { baseName, folders, tinkerbellFolder } from "./paths";
import { runServerChange, type ServerChange, type ServerChangeOutcome } from "./run-change";
import { serverNameSchema } from "./schema";

export const powerServerSchema = z.object({
  name: serverNameSchema,
  action: z.enum(powerActions),
  previewDigest: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

const words: Record<PowerAction, { summary: string; consequence: (name: string) => string }> = {
  "power-on": { summary: "power on", consequence: (name) => `${name} is powered on by its BMC.` },
  "power-off": {
    summary: "power off",
    consequence: (name) =>
      `${name} is powered off by its BMC at once, as by its power button held down: whatever runs on it stops without shutting down.`,
  },
  "power-cycle": {
    summary: "power cycle",
    consequence: (name) =>
      `${name} is powered off and on again by its BMC: whatever runs on it stops without shutting down.`,
  },
  "netboot-next": {
    summary: "boot from the network next",
    consequence: (name) =>
      `${name}'s BMC makes its next boot (only the next) a network boot; power it on or cycle it to boot now.`,
  },
};

/** The sequence number of one of the server's Job files, or undefined for anyone else's file. */
const jobSequence = (server: string, path: string): number | undefined => {
  const match = /^(.+)-bmc-([0-9]{1,9})\.yaml$/.exec(baseName(path));
  return match?.[1] === server ? Number(match[2]) : undefined;
};

/**
 * One BMC action as a commit of a Rufio Job, which Flux applies and Rufio runs against the
 * server's Machine. The same commit removes the server's earlier Jobs, so Git holds one a server.
 */
export function powerChange(input: { name: string; action: PowerAction }): ServerChange {
  const { name, action } = input;
  return {
    action: `bmc-${action}`,
    summary: `servers: ${words[action].summary} ${name} through its BMC`,
    target: name,
    consequences: [words[action].consequence(name)],
    change: async (tree) => {
      const server = (await readInventory(tree)).servers.get(name);
      if (!server) throw new NotFoundError(`There is no server named ${name}.`);
      if (!server.bmc) {
        throw new ConflictError(
          `${name} has no BMC in Git: add its BMC address and the Secret with its credentials first.`,
        );
      }
      const earlier = (await tree.list(folders.bmcJobs)).filter(
        (path) => jobSequence(name, path) !== undefined,
      );
      const sequence = Math.max(0, ...earlier.map((path) => jobSequence(name, path) ?? 0)) + 1;
      const uefi = server.firmware === "uefi";
      const job = buildBmcJob({ server: name, action, uefi, sequence });
      const file = `${folders.bmcJobs}/${job.metadata.name}.yaml`;
      for (const path of earlier) await tree.delete(path);
      await tree.write(file, toYaml(job));
      await updateResources(tree, folders.bmcJobs, { add: [file], remove: earlier });
      await updateResources(tree, tinkerbellFolder, { add: [folders.bmcJobs] });
    },
  };
}

export async function powerServer(
  { actor, input, preview = false }: { actor: Actor; input: unknown; preview?: boolean },
  deps: ServerDeps,
): Promise<ServerChangeOutcome> {
  requireRole(actor, "operator", "Changing servers");
  const { previewDigest, ...parsed } = parseInput(powerServerSchema, input);
  return runServerChange(deps, actor, powerChange(parsed), { preview, previewDigest });
}
