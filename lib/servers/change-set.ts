import { createHash } from "node:crypto";
import { ConflictError } from "@/lib/errors";
import { giveWayAt, mapYielding } from "@/lib/event-loop";
import { mapLimited } from "@/lib/map-limited";
import type { GitTree, TreeSnapshot } from "@/lib/gitops/types";
import { unifiedDiff, type FileChange } from "./unified-diff";

/*
 * A change runs first against a recording overlay: nothing reaches the tree until the change
 * has finished without error, and what it would write is known exactly, as a diff. The preview
 * and the commit run the same change; the commit refuses when its diff is not the one previewed.
 */
export type RecordedChange = { tree: GitTree; changes(): Promise<FileChange[]> };

export function recordingTree(base: GitTree): RecordedChange {
  const overlay = new Map<string, string | undefined>();
  const read = async (path: string) => (overlay.has(path) ? overlay.get(path) : base.read(path));
  const tree: GitTree = {
    read,
    blobId: (path) => (overlay.has(path) ? undefined : base.blobId?.(path)),
    prefetch: async (paths) => base.prefetch?.(paths.filter((path) => !overlay.has(path))),
    exists: async (path) => (await read(path)) !== undefined,
    async write(path, content) {
      overlay.set(path, content);
    },
    async delete(path) {
      const existed = (await read(path)) !== undefined;
      overlay.set(path, undefined);
      return existed;
    },
    async list(folder) {
      const listed = await base.list(folder);
      const prefix = folder ? `${folder.replace(/\/+$/, "")}/` : "";
      if (![...overlay.keys()].some((path) => path.startsWith(prefix))) return listed;
      const files = new Set(listed);
      for (const [path, content] of overlay) {
        if (!path.startsWith(prefix)) continue;
        if (content === undefined) files.delete(path);
        else files.add(path);
      }
      return [...files].sort();
    },
  };
  return {
    tree,
    async changes() {
      const out: FileChange[] = [];
      for (const [index, path] of [...overlay.keys()].sort().entries()) {
        await giveWayAt(index, 200);
        const before = await base.read(path);
        const after = overlay.get(path);
        if (before !== after) out.push({ path, before, after });
      }
      return out;
    },
  };
}

/** A read-only GitTree over a snapshot of the remote branch, for previews. */
export function snapshotTree(snapshot: TreeSnapshot): GitTree {
  const files = new Set(snapshot.files);
  const refuse = async (): Promise<never> => {
    throw new Error("a preview never writes");
  };
  return {
    read: (path) => (files.has(path) ? snapshot.read(path) : Promise.resolve(undefined)),
    blobId: (path) => (files.has(path) ? snapshot.blobId?.(path) : undefined),
    exists: async (path) => files.has(path),
    write: refuse,
    delete: refuse,
    async list(folder) {
      const prefix = folder ? `${folder.replace(/\/+$/, "")}/` : "";
      return snapshot.files.filter((file) => file.startsWith(prefix));
    },
  };
}

export async function diffOf(changes: FileChange[], manifestsPath: string): Promise<string> {
  const diffs = await mapYielding(changes, (change) => unifiedDiff(change, `${manifestsPath}/`));
  return diffs.join("\n");
}

export function digestOf(diff: string): string {
  return createHash("sha256").update(diff).digest("hex");
}

// Distinct paths, so order does not matter; a few at once keeps a 10,000-file CSV short.
const writesAtOnce = 16;

export async function applyRecorded(tree: GitTree, changes: FileChange[]): Promise<void> {
  // A tree held in memory answers without I/O, so the loop itself must give way.
  await mapLimited(changes, writesAtOnce, async (change, index) => {
    await giveWayAt(index, 200);
    if (change.after === undefined) await tree.delete(change.path);
    else await tree.write(change.path, change.after);
  });
}

export function assertPreviewed(diff: string, previewDigest: string | undefined): void {
  if (previewDigest !== undefined && digestOf(diff) !== previewDigest) {
    throw new ConflictError(
      "The repository changed since the preview, so the commit would not be the diff you saw. Look at the new preview and confirm again.",
    );
  }
}
