/** A unified diff (git's format, 3 lines of context) of one file; pure, for previews. */
export type FileChange = { path: string; before: string | undefined; after: string | undefined };

function lines(text: string | undefined): string[] {
  if (text === undefined || text === "") return [];
  const parts = text.split("\n");
  if (parts[parts.length - 1] === "") parts.pop();
  return parts;
}

type Op = { kind: " " | "-" | "+"; line: string };

/* Common prefix and suffix first, then an LCS table on the middle: files the console edits
 * change in a few places, so the middle stays small even for a kustomization of thousands. */
function diffLines(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const width = midB.length + 1;
  const table = new Uint32Array((midA.length + 1) * width);
  for (let i = midA.length - 1; i >= 0; i -= 1) {
    for (let j = midB.length - 1; j >= 0; j -= 1) {
      table[i * width + j] =
        midA[i] === midB[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const ops: Op[] = a.slice(0, start).map((line) => ({ kind: " ", line }));
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      ops.push({ kind: " ", line: midA[i] ?? "" });
      i += 1;
      j += 1;
    } else if (
      j < midB.length &&
      (i >= midA.length || (table[i * width + j + 1] ?? 0) >= (table[(i + 1) * width + j] ?? 0))
    ) {
      ops.push({ kind: "+", line: midB[j] ?? "" });
      j += 1;
    } else {
      ops.push({ kind: "-", line: midA[i] ?? "" });
      i += 1;
    }
  }
  for (const line of a.slice(endA)) ops.push({ kind: " ", line });
  return ops;
}

function hunks(ops: Op[], context = 3): string[] {
  const out: string[] = [];
  const changed = ops
    .map((op, index) => (op.kind === " " ? -1 : index))
    .filter((index) => index >= 0);
  if (changed.length === 0) return out;
  let index = 0;
  while (index < changed.length) {
    const first = changed[index] ?? 0;
    let last = first;
    while (index + 1 < changed.length && (changed[index + 1] ?? 0) - last <= context * 2 + 1) {
      index += 1;
      last = changed[index] ?? last;
    }
    index += 1;
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length, last + context + 1);
    const before = ops.slice(0, from);
    const slice = ops.slice(from, to);
    const oldStart = before.filter((op) => op.kind !== "+").length;
    const newStart = before.filter((op) => op.kind !== "-").length;
    const oldCount = slice.filter((op) => op.kind !== "+").length;
    const newCount = slice.filter((op) => op.kind !== "-").length;
    out.push(
      `@@ -${oldCount === 0 ? oldStart : oldStart + 1},${oldCount} +${newCount === 0 ? newStart : newStart + 1},${newCount} @@`,
    );
    for (const op of slice) out.push(`${op.kind}${op.line}`);
  }
  return out;
}

export function unifiedDiff(change: FileChange, prefix = ""): string {
  const path = `${prefix}${change.path}`;
  const header = [
    `diff --git a/${path} b/${path}`,
    ...(change.before === undefined
      ? ["new file"]
      : change.after === undefined
        ? ["deleted file"]
        : []),
    `--- ${change.before === undefined ? "/dev/null" : `a/${path}`}`,
    `+++ ${change.after === undefined ? "/dev/null" : `b/${path}`}`,
  ];
  return [...header, ...hunks(diffLines(lines(change.before), lines(change.after)))].join("\n");
}
