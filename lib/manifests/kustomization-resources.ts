import { isScalar, isSeq, parseDocument, YAMLSeq } from "yaml";

/*
 * Keeps a kustomization.yaml's `resources:` list in step with the files the console adds and
 * removes, through the document API: comments and other fields stay, entries stay sorted where
 * they were sorted, and a file that needs no change comes back byte for byte.
 */
export function kustomizationResources(text: string): string[] {
  const doc = parseDocument(text);
  const node = doc.get("resources", true);
  if (!isSeq(node)) return [];
  return node.items.flatMap((item) => (isScalar(item) ? [String(item.value)] : []));
}

export function editKustomizationResources(
  text: string,
  edit: { add?: string[]; remove?: string[] },
): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0)
    throw new Error(`kustomization.yaml: ${doc.errors[0]?.message ?? "not YAML"}`);
  const existing = doc.get("resources", true);
  const seq = isSeq(existing) ? existing : new YAMLSeq();
  if (!isSeq(existing)) doc.set("resources", seq);
  const current = () => seq.items.map((item) => (isScalar(item) ? String(item.value) : ""));
  const removals = new Set(edit.remove ?? []);
  let changed = false;
  for (let index = seq.items.length - 1; index >= 0; index -= 1) {
    if (removals.has(current()[index] ?? "")) {
      seq.items.splice(index, 1);
      changed = true;
    }
  }
  for (const entry of edit.add ?? []) {
    const names = current();
    if (names.includes(entry)) continue;
    const at = names.findIndex((name) => name.localeCompare(entry) > 0);
    const node = doc.createNode(entry);
    if (at === -1) seq.items.push(node);
    else seq.items.splice(at, 0, node);
    changed = true;
  }
  if (!changed) return text;
  seq.flow = seq.items.length === 0;
  return doc.toString({ lineWidth: 0 });
}
