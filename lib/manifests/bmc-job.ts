import { z } from "zod";
import { labelKeys, managedByConsole } from "./labels";
import { objectMetaSchema, rufioApiVersion, tinkerbellNamespace } from "./object-meta";

/** What a person can ask a server's BMC to do from the console, each one Rufio Job. */
export const powerActions = ["power-on", "power-off", "power-cycle", "netboot-next"] as const;
export type PowerAction = (typeof powerActions)[number];

const taskSchema = z.union([
  z.object({ powerAction: z.enum(["on", "off", "soft", "cycle", "reset", "status"]) }),
  z.object({
    oneTimeBootDeviceAction: z.object({
      device: z.array(z.enum(["pxe", "disk", "bios", "cdrom", "safe"])).min(1),
      efiBoot: z.boolean().optional(),
    }),
  }),
]);

/**
 * Rufio's Job (bmc.tinkerbell.org/v1alpha1 at the Tinkerbell the platform pins): tasks run in
 * order against the BMC of the Machine it names. Only the shape the console writes.
 */
export const bmcJobSchema = z.object({
  apiVersion: z.literal(rufioApiVersion),
  kind: z.literal("Job"),
  metadata: objectMetaSchema,
  spec: z.object({
    machineRef: z.object({ name: z.string().min(1), namespace: z.string().min(1) }),
    tasks: z.array(taskSchema).min(1),
  }),
});
export type BmcJob = z.infer<typeof bmcJobSchema>;

const tasksOf = (action: PowerAction, uefi: boolean): BmcJob["spec"]["tasks"] => {
  switch (action) {
    case "power-on":
      return [{ powerAction: "on" }];
    case "power-off":
      return [{ powerAction: "off" }];
    case "power-cycle":
      return [{ powerAction: "cycle" }];
    case "netboot-next":
      // A one-time override: the boot after next is from the disk again.
      return [{ oneTimeBootDeviceAction: { device: ["pxe"], efiBoot: uefi } }];
  }
};

/**
 * Job names count up per server (`<server>-bmc-<n>`), so a preview and its commit write the same
 * object and each request is a new one that Rufio runs.
 */
export function bmcJobName(server: string, sequence: number): string {
  return `${server}-bmc-${sequence}`;
}

export function buildBmcJob(input: {
  server: string;
  action: PowerAction;
  uefi: boolean;
  sequence: number;
}): BmcJob {
  return {
    apiVersion: rufioApiVersion,
    kind: "Job",
    metadata: {
      name: bmcJobName(input.server, input.sequence),
      namespace: tinkerbellNamespace,
      labels: { [labelKeys.managedBy]: managedByConsole, [labelKeys.server]: input.server },
    },
    spec: {
      machineRef: { name: input.server, namespace: tinkerbellNamespace },
      tasks: tasksOf(input.action, input.uefi),
    },
  };
}
