import type { ZodSafeParseResult } from "zod";
import { bmcMachineSchema, type BmcMachine } from "./bmc-machine";
import { hardwareSchema, type Hardware } from "./hardware";
import { readYamlObjects } from "./yaml-document";

/** A server's Hardware file: its Hardware and, for a server with a BMC, Rufio's Machine beside it. */
export type HardwareDocuments = {
  /**
   * The first document the Hardware schema accepts; when none does, why the first document of
   * kind Hardware was refused; undefined when no document is of kind Hardware.
   */
  hardware: ZodSafeParseResult<Hardware> | undefined;
  machine: BmcMachine | undefined;
};

function isOfKind(value: unknown, kind: string): boolean {
  return typeof value === "object" && value !== null && "kind" in value && value.kind === kind;
}

/** The one reading of a Hardware file, for every domain; throws the file's first YAML error. */
export function readHardwareDocuments(text: string): HardwareDocuments {
  const objects = readYamlObjects(text);
  const attempts = objects.map((value) => ({ value, result: hardwareSchema.safeParse(value) }));
  const hardware =
    attempts.find((attempt) => attempt.result.success) ??
    attempts.find((attempt) => isOfKind(attempt.value, "Hardware"));
  const machine = objects
    .map((value) => bmcMachineSchema.safeParse(value))
    .find((result) => result.success)?.data;
  return { hardware: hardware?.result, machine };
}
