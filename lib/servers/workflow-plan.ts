import { buildWorkflow, workflowName } from "@/lib/manifests/build-workflow";
import { toYaml } from "@/lib/manifests/yaml-document";
import type { GitTree } from "@/lib/gitops/types";
import { InvalidError, NotFoundError } from "@/lib/errors";
import {
  partitionedDiskExamples,
  tinkerbellNamesPartitionsOf,
} from "@/lib/manifests/partition-path";
import { editHardwareFile } from "./hardware-file";
import type { Inventory } from "./inventory";
import { updateResources } from "./kustomization-change";
import { folders, workflowFile } from "./paths";
import { cidrOf, type ServerRecord } from "./server-record";
import { readCatalog } from "./template-catalog";
import { resolveParameters } from "./template-parameters";

/** Variables every template gets from the server itself, next to the person's parameters. */
function derivedMap(
  server: ServerRecord,
  generation: number,
  consoleUrl: string,
): Record<string, string> {
  const first = server.interfaces[0];
  const map: Record<string, string> = {
    device_1: first?.mac ?? "",
    install_disk: server.installDisk,
    hostname: server.hostname,
    foundry_server: server.name,
    foundry_generation: String(generation),
    foundry_url: consoleUrl,
    network_mode: first?.mode ?? "dhcp",
  };
  if (first?.mode === "static") {
    map.ip_cidr = cidrOf(first.address, first.netmask);
    map.gateway = first.gateway;
    map.name_servers = first.nameServers.join(",");
  }
  return map;
}

/**
 * Writes generation `generation` of a server's Workflow, removes the older ones, and lets
 * Tinkerbell hand the server a Workflow (allowWorkflow), all in the caller's one commit.
 */
export async function writeWorkflow(
  tree: GitTree,
  inventory: Inventory,
  input: {
    name: string;
    template: string;
    parameters: Record<string, string>;
    consoleUrl: string;
    claimedUpTo?: number;
  },
): Promise<{ server: ServerRecord; generation: number; templateName: string }> {
  const server = inventory.servers.get(input.name);
  if (!server) throw new NotFoundError(`There is no server named ${input.name}`);
  const catalog = await readCatalog(tree);
  const template = catalog.templates.find((entry) => entry.template === input.template);
  if (!template)
    throw new InvalidError("Choose a template", {
      template: [`there is no template named ${input.template}`],
    });
  if (!template.arch.includes(server.arch)) {
    throw new InvalidError(`${template.displayName} does not support ${server.arch}`, {
      template: [`does not support ${server.arch}`],
    });
  }
  if (!template.firmware.includes(server.firmware)) {
    throw new InvalidError(
      `${template.displayName} does not boot with ${server.firmware.toUpperCase()}`,
      { template: [`does not support ${server.firmware.toUpperCase()}`] },
    );
  }
  if (template.writesPartitions && !tinkerbellNamesPartitionsOf(server.installDisk)) {
    throw new InvalidError(
      `${template.displayName} writes into a partition of the install disk, and Tinkerbell names partitions only of disks such as ${partitionedDiskExamples}`,
      {
        template: [
          `cannot install to ${server.installDisk}: edit the server's install disk to its /dev/sd…, /dev/vd… or /dev/nvme… name, or choose a template that only writes a whole image`,
        ],
      },
    );
  }
  const parameters = resolveParameters(template.parameters, input.parameters, server);
  const previous = inventory.workflows.get(server.name) ?? [];
  // After Git's generations and any claimed before (a decommissioned server of the same name).
  const generation =
    Math.max(input.claimedUpTo ?? 0, ...previous.map((workflow) => workflow.generation)) + 1;
  const path = workflowFile(server.name, generation);
  const workflow = buildWorkflow({
    server: server.name,
    generation,
    template: template.template,
    hardwareMap: { ...parameters, ...derivedMap(server, generation, input.consoleUrl) },
    hasBmc: server.bmc !== undefined,
  });
  for (const old of previous) await tree.delete(old.path);
  await tree.write(path, toYaml(workflow));
  await updateResources(tree, folders.workflows, {
    add: [path],
    remove: previous.map((old) => old.path),
  });
  // allowWorkflow on, and whatever else the console now writes that an older file lacks (the
  // claim secret's reference, which the template renders from).
  const text = await tree.read(server.path);
  const { path: _path, allowWorkflow, ...spec } = server;
  if (text !== undefined) {
    const edited = editHardwareFile(text, { spec, allowWorkflow }, { spec, allowWorkflow: true });
    if (edited !== text) await tree.write(server.path, edited);
  }
  return {
    server,
    generation,
    templateName: `${template.displayName} (${workflowName(server.name, generation)})`,
  };
}
