import { isScalar, isSeq, parseDocument, YAMLSeq } from "yaml";

/*
 * Keeps a kustomization.yaml's `resources:` list in step with the files the console adds and
 * removes: comments and other fields stay, entries stay sorted where they were sorted, and a file
 * that needs no change comes back byte for byte.
 */
export function kustomizationResources(text: string): string[] {
  const doc = parseDocument(text);
  const node = doc.get("resources", true);
  if (!isSeq(node)) return [];
  return node.items.flatMap((item) => (isScalar(item) ? [String(item.value)] : []));
}

type ResourcesEdit = { add?: string[]; remove?: string[] };

export function editKustomizationResources(text: string, edit: ResourcesEdit): string {
  return editPlainList(text, edit) ?? editKustomizationDocument(text, edit);
}

const compare = new Intl.Collator().compare;

/**
 * The entries after the edit, or undefined when nothing changes; `made` turns an added name
 * into an entry. One order rule for both ways of editing.
 */
function editedEntries<T>(
  entries: { name: string; entry: T }[],
  edit: ResourcesEdit,
  made: (name: string) => T,
): T[] | undefined {
  const removals = new Set(edit.remove ?? []);
  const next = entries.filter(({ name }) => !removals.has(name));
  const removed = next.length !== entries.length;
  const present = new Set(next.map(({ name }) => name));
  const added = [...new Set(edit.add ?? [])].filter((name) => !present.has(name)).sort(compare);
  if (added.length === 0) return removed ? next.map(({ entry }) => entry) : undefined;
  // Each new name goes before the first entry that sorts after it (the end when none does), as a
  // person would; with the new names in order, one pass places them all.
  const merged: { name: string; entry: T }[] = [];
  let at = 0;
  for (const name of added) {
    for (let kept = next[at]; kept && compare(kept.name, name) <= 0; kept = next[at]) {
      merged.push(kept);
      at += 1;
    }
    merged.push({ name, entry: made(name) });
  }
  merged.push(...next.slice(at));
  return merged.map(({ entry }) => entry);
}

/** Through the YAML document API: any shape of file, at a cost that grows with the file. */
export function editKustomizationDocument(text: string, edit: ResourcesEdit): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0)
    throw new Error(`kustomization.yaml: ${doc.errors[0]?.message ?? "not YAML"}`);
  const existing = doc.get("resources", true);
  const seq = isSeq(existing) ? existing : new YAMLSeq();
  if (!isSeq(existing)) doc.set("resources", seq);
  const entries = seq.items.map((item) => ({
    name: isScalar(item) ? String(item.value) : "",
    entry: item,
  }));
  const next = editedEntries(entries, edit, (name) => doc.createNode(name));
  if (next === undefined) return text;
  seq.items = next;
  seq.flow = seq.items.length === 0;
  return doc.toString({ lineWidth: 0 });
}

/*
 * The shape the console writes, a top-level `resources:` block of plain file names with nothing
 * else in it, edited as lines: a register into a fleet of 10,000 servers does not parse and print
 * 10,000 entries. The rest of the file is still checked as YAML. Anything else (comments or other
 * nodes among the entries, a flow list with entries, a list left empty) is left to the document API.
 */
const plainEntry = /^( *)- ([A-Za-z0-9][A-Za-z0-9._/-]*)$/;
// A plain scalar that YAML reads as the same string: not a number, boolean or null.
const stringAsWritten = (name: string) =>
  /\.ya?ml$/.test(name) || (/^[A-Za-z]/.test(name) && !/^(true|false|null)$/i.test(name));

function editPlainList(text: string, edit: ResourcesEdit): string | undefined {
  const lines = text.split("\n");
  const empty = lines.indexOf("resources: []");
  const key = empty === -1 ? lines.indexOf("resources:") : empty;
  if (key === -1) return undefined;
  let end = key + 1;
  // An empty list is written as the document API writes a first entry.
  let indent: string | undefined = empty === -1 ? undefined : "  ";
  const names: string[] = [];
  for (; empty === -1 && end < lines.length; end += 1) {
    const match = plainEntry.exec(lines[end] ?? "");
    if (!match || (indent !== undefined && match[1] !== indent)) break;
    if (!stringAsWritten(match[2] ?? "")) return undefined;
    indent = match[1] ?? "";
    names.push(match[2] ?? "");
  }
  // The block must end at the file's end or at the next top-level key, never inside a node.
  const after = lines.slice(end).find((line) => line !== "");
  if (indent === undefined || (after !== undefined && !/^[A-Za-z]/.test(after))) return undefined;
  if (lines.slice(end).some((line) => line.startsWith("resources:"))) return undefined;
  const around = [...lines.slice(0, key), "resources: []", ...lines.slice(end)].join("\n");
  const doc = parseDocument(around);
  if (doc.errors.length > 0)
    throw new Error(`kustomization.yaml: ${doc.errors[0]?.message ?? "not YAML"}`);
  if (doc.get("resources") === undefined) return undefined;
  const next = editedEntries(
    names.map((name) => ({ name, entry: name })),
    edit,
    (name) => name,
  );
  if (next === undefined) return text;
  // The names read passed these checks already; only the added ones are new.
  const writable = (name: string) => plainEntry.test(`- ${name}`) && stringAsWritten(name);
  if (next.length === 0 || !(edit.add ?? []).every(writable)) return undefined;
  const block = next.map((name) => `${indent}- ${name}`);
  return [...lines.slice(0, key), "resources:", ...block, ...lines.slice(end)].join("\n");
}
