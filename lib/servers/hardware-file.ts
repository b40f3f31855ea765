import { buildBmcMachine, buildHardware, type HardwareInput } from "@/lib/manifests/build-hardware";
import {
  documentsToString,
  mergeManaged,
  parseYamlDocuments,
  toYaml,
  toYamlStream,
} from "@/lib/manifests/yaml-document";
import type { Document } from "yaml";
import type { ServerSpec } from "./schema";

function hardwareInput(spec: ServerSpec, allowWorkflow: boolean): HardwareInput {
  return { ...spec, allowWorkflow };
}

/** A new server's file: its Hardware and, with a BMC, Rufio's Machine. */
export function renderHardwareFile(spec: ServerSpec, allowWorkflow = false): string {
  const input = hardwareInput(spec, allowWorkflow);
  const machine = buildBmcMachine(input);
  return toYamlStream(machine ? [buildHardware(input), machine] : [buildHardware(input)]);
}

function kindOfDocument(doc: Document): unknown {
  return doc.get("kind");
}

/**
 * Changes an existing file from what the console wrote for `before` to what it would write for
 * `after`, touching only those fields: comments, unknown fields and other documents stay.
 */
export function editHardwareFile(
  text: string,
  before: { spec: ServerSpec; allowWorkflow: boolean },
  after: { spec: ServerSpec; allowWorkflow: boolean },
): string {
  const { documents, errors } = parseYamlDocuments(text);
  if (errors.length > 0) throw new Error(errors[0]);
  const oldInput = hardwareInput(before.spec, before.allowWorkflow);
  const newInput = hardwareInput(after.spec, after.allowWorkflow);
  const hardwareDoc = documents.find((doc) => kindOfDocument(doc) === "Hardware");
  if (!hardwareDoc) throw new Error("the file holds no Hardware");
  mergeManaged(hardwareDoc, [], buildHardware(oldInput), buildHardware(newInput));
  const machineAfter = buildBmcMachine(newInput);
  const machineIndex = documents.findIndex((doc) => kindOfDocument(doc) === "Machine");
  const kept = documents.filter(
    (_doc, index) => index !== machineIndex || machineAfter !== undefined,
  );
  const machineDoc = machineIndex === -1 ? undefined : documents[machineIndex];
  if (machineDoc && machineAfter)
    mergeManaged(machineDoc, [], buildBmcMachine(oldInput), machineAfter);
  const out = documentsToString(kept);
  if (machineAfter && !machineDoc) return `${out}---\n${toYaml(machineAfter)}`;
  return out === text ? text : out;
}
