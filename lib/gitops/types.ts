import type { Actor } from "@/lib/actor";

/** The manifests tree as a change function sees it. Paths are relative to the manifests path. */
export type GitTree = {
  /** The file's text, or undefined when there is no such file. */
  read(path: string): Promise<string | undefined>;
  exists(path: string): Promise<boolean>;
  write(path: string, content: string): Promise<void>;
  /** Removes the file; resolves false when there was nothing to remove. */
  delete(path: string): Promise<boolean>;
  /** Every file under `folder` (default: the whole tree), sorted. */
  list(folder?: string): Promise<string[]>;
  /** See `TreeReader.blobId`. */
  blobId?(path: string): string | undefined;
  /** See `TreeReader.prefetch`. */
  prefetch?(paths: readonly string[]): Promise<void>;
};

/** Reads and writes the tree; throws a domain error (e.g. ConflictError) when it no longer fits. */
export type TreeChange = (tree: GitTree) => void | Promise<void>;

export type ApplyChangeInput = {
  actor: Actor;
  /** Kebab-case verb name, e.g. `register-server`; becomes the `Foundry-Action` trailer. */
  action: string;
  /** The commit subject, e.g. `servers: register rack1-node3 (aa:bb:cc:dd:ee:ff)`. */
  summary: string;
  change: TreeChange;
  /** What the audit row is about; defaults to the summary. */
  target?: string;
  /** A fresh id for this request; one is made when omitted. */
  requestId?: string;
};

export type ApplyChangeResult = {
  requestId: string;
  /** The commit that holds the change; when nothing changed, the HEAD it was checked against. */
  sha: string;
  /** False when the change left the tree as it was, so no commit was made. */
  committed: boolean;
  pullRequestUrl?: string;
};

/** A read-only view of the manifests tree at one commit of the remote branch. */
export type TreeSnapshot = {
  sha: string;
  files: string[];
  read(path: string): Promise<string | undefined>;
  /** See `TreeReader.blobId`. */
  blobId?(path: string): string | undefined;
};

/** Files of a tree, read-only; a `GitTree` is one too. Paths are relative to the manifests path. */
export type TreeReader = {
  /** Every file under `folder` (default: all that were read), sorted. */
  list(folder?: string): Promise<string[]>;
  read(path: string): Promise<string | undefined>;
  /**
   * Git's object id of the file's content, when the tree knows it without reading the file (the
   * file is as its commit holds it): the same id is the same text, so what was parsed from it once
   * stands. Undefined when unknown, e.g. once the file was written.
   */
  blobId?(path: string): string | undefined;
  /** Reads these files in one go ahead of the reads that follow, where reading costs a process. */
  prefetch?(paths: readonly string[]): Promise<void>;
};

export type RemoteStatus = { ok: true; head: string } | { ok: false; reason: string };

export type RecoveryReport = { succeeded: string[]; failed: string[] };
