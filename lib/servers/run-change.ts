import type { Actor } from "@/lib/actor";
import type { GitTree } from "@/lib/gitops/types";
import {
  applyRecorded,
  assertPreviewed,
  diffOf,
  digestOf,
  recordingTree,
  snapshotTree,
} from "./change-set";
import type { ServerDeps } from "./deps";
import { tinkerbellFolder } from "./paths";

export type ServerChange = {
  action: string;
  summary: string;
  target: string;
  /** Reads the tree, throws a domain error when the change does not fit, writes what it changes. */
  change: (tree: GitTree) => Promise<void>;
  /** Plain words for what will happen, shown beside the diff (e.g. the disk that will be erased). */
  consequences: string[];
  /** Runs once the change fits and matches its preview, just before it is committed (not on a preview). */
  beforeCommit?: () => Promise<void>;
};

export type ServerChangeOutcome =
  | { kind: "preview"; baseSha: string; diff: string; digest: string; consequences: string[] }
  | {
      kind: "committed";
      sha: string;
      requestId: string;
      committed: boolean;
      diff: string;
      pullRequestUrl?: string;
    };

/**
 * A preview runs the change on the remote branch's HEAD and returns its exact diff; a commit
 * runs it through the GitOps writer (which writes the audit row and retries on races), refusing
 * when a `previewDigest` is given and the diff is no longer the one the person saw.
 */
export async function runServerChange(
  deps: ServerDeps,
  actor: Actor,
  planned: ServerChange,
  options: { preview: boolean; previewDigest?: string },
): Promise<ServerChangeOutcome> {
  if (options.preview) {
    const snapshot = await deps.writer.readTree({ refresh: true });
    // Every folder the verbs write is under it, and so are the kustomizations that list them.
    const reader = await deps.reader.readFolders(snapshot.sha, [tinkerbellFolder]);
    const recorded = recordingTree(
      snapshotTree({
        sha: snapshot.sha,
        files: await reader.list(),
        read: reader.read,
        blobId: reader.blobId,
      }),
    );
    await planned.change(recorded.tree);
    const diff = await diffOf(await recorded.changes(), deps.manifestsPath);
    return {
      kind: "preview",
      baseSha: snapshot.sha,
      diff,
      digest: digestOf(diff),
      consequences: planned.consequences,
    };
  }
  let diff = "";
  const result = await deps.writer.applyChange({
    actor,
    action: planned.action,
    summary: planned.summary,
    target: planned.target,
    change: async (tree) => {
      const recorded = recordingTree(tree);
      await planned.change(recorded.tree);
      const changes = await recorded.changes();
      diff = await diffOf(changes, deps.manifestsPath);
      assertPreviewed(diff, options.previewDigest);
      await planned.beforeCommit?.();
      await applyRecorded(tree, changes);
    },
  });
  return {
    kind: "committed",
    sha: result.sha,
    requestId: result.requestId,
    committed: result.committed,
    diff,
    ...(result.pullRequestUrl ? { pullRequestUrl: result.pullRequestUrl } : {}),
  };
}
