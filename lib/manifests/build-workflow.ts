import { labelKeys, managedByConsole } from "./labels";
import { tinkerbellApiVersion, tinkerbellNamespace } from "./object-meta";
import type { Workflow } from "./workflow";

export type WorkflowInput = {
  server: string;
  generation: number;
  template: string;
  /** Template variables: `device_1` and the rest, each one line of checked text. */
  hardwareMap: Record<string, string>;
  /** With a BMC, Tinkerbell powers the server into netboot itself; without, a person does. */
  hasBmc: boolean;
};

export function workflowName(server: string, generation: number): string {
  return `${server}-${generation}`;
}

/*
 * toggleAllowNetboot: Tinkerbell sets the Hardware's allowPXE true for this Workflow and false
 * once it succeeds. A finished Workflow is never run again, so the install happens once.
 */
export function buildWorkflow(input: WorkflowInput): Workflow {
  return {
    apiVersion: tinkerbellApiVersion,
    kind: "Workflow",
    metadata: {
      name: workflowName(input.server, input.generation),
      namespace: tinkerbellNamespace,
      labels: {
        [labelKeys.managedBy]: managedByConsole,
        [labelKeys.server]: input.server,
        [labelKeys.generation]: String(input.generation),
      },
    },
    spec: {
      templateRef: input.template,
      hardwareRef: input.server,
      hardwareMap: input.hardwareMap,
      bootOptions: {
        toggleAllowNetboot: true,
        ...(input.hasBmc ? { bootMode: "netboot" as const } : {}),
      },
    },
  };
}
