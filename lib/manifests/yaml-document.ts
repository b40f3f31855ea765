import { isMap, isSeq, parseAllDocuments, stringify, type Document } from "yaml";

/*
 * YAML in and out. Objects become YAML only through `stringify`, so text a person typed is always
 * a scalar (quoted or block) and never structure. Edits go through the document API so comments,
 * key order and fields the console does not know survive, and untouched files are never rewritten.
 */
const toStringOptions = { lineWidth: 0 } as const;

export function toYaml(value: unknown): string {
  return stringify(value, { ...toStringOptions, aliasDuplicateObjects: false });
}

/** Several objects in one file, separated by `---`. */
export function toYamlStream(values: unknown[]): string {
  return values.map((value) => toYaml(value)).join("---\n");
}

export type YamlParseResult = { documents: Document[]; errors: string[] };

export function parseYamlDocuments(text: string): YamlParseResult {
  const documents = parseAllDocuments(text);
  const list = Array.isArray(documents) ? documents : [];
  const errors = Array.isArray(documents)
    ? list.flatMap((doc) => doc.errors.map((error) => error.message))
    : ["the text is not YAML"];
  return { documents: list, errors };
}

/** The plain values of every document; throws the first YAML error. */
export function readYamlObjects(text: string): unknown[] {
  const { documents, errors } = parseYamlDocuments(text);
  if (errors.length > 0) throw new Error(errors[0]);
  return documents.map((doc) => doc.toJS({ maxAliasCount: 0 })).filter((value) => value != null);
}

export function documentsToString(documents: Document[]): string {
  return documents
    .map((doc, index) => {
      const text = doc.toString(toStringOptions);
      return index === 0 || doc.directives?.docStart ? text : `---\n${text}`;
    })
    .join("");
}

type Path = (string | number)[];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Moves the fields the console manages from `before` to `after` inside `doc`, at `path`:
 * keys only in `before` are removed, keys in `after` are set where they differ, and every
 * other node (a person's comment, a field the console does not know) stays as it is.
 */
export function mergeManaged(doc: Document, path: Path, before: unknown, after: unknown): void {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isPlainObject(after) && isMap(node)) {
    const old = isPlainObject(before) ? before : {};
    for (const key of Object.keys(old)) {
      if (!(key in after)) doc.deleteIn([...path, key]);
    }
    for (const [key, value] of Object.entries(after)) {
      mergeManaged(doc, [...path, key], old[key], value);
    }
    return;
  }
  if (Array.isArray(after) && isSeq(node)) {
    const old = Array.isArray(before) ? before : [];
    for (let index = node.items.length - 1; index >= after.length; index -= 1) {
      doc.deleteIn([...path, index]);
    }
    after.forEach((value, index) => {
      if (index < node.items.length) mergeManaged(doc, [...path, index], old[index], value);
      else doc.addIn(path, doc.createNode(value));
    });
    return;
  }
  const current: unknown = doc.getIn(path);
  const currentPlain = isPlainObject(node) || node == null ? current : toPlain(node);
  if (after === undefined) {
    if (current !== undefined) doc.deleteIn(path);
    return;
  }
  if (!sameValue(currentPlain, after)) doc.setIn(path, doc.createNode(after));
}

function toPlain(node: unknown): unknown {
  if (
    typeof node === "object" &&
    node !== null &&
    "toJSON" in node &&
    typeof node.toJSON === "function"
  ) {
    return node.toJSON();
  }
  return node;
}
