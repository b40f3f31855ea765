import { createHash } from "node:crypto";
import path from "node:path";
import { giveWayAt } from "@/lib/event-loop";
import { commitMessage, identity } from "./commit-message";
import type { GitIdentity } from "./git-env";
import type { StagedChange } from "./object-tree";
import type { RepoHandle } from "./repo-handle";
import type { TreeListing } from "./tree-listing";

/** Git's object id for a blob of this text, as `git hash-object` computes it. */
function blobIdOf(text: string): string {
  return createHash("sha1")
    .update(`blob ${Buffer.byteLength(text)}\0`)
    .update(text)
    .digest("hex");
}

// Up to this many new blobs are written one `hash-object` each (loose objects, which gc packs);
// more go into one pack through `fast-import`, so a 10,000-row CSV writes one file, not 10,000.
const looseBlobs = 8;

/** The index the writer builds commits in, beside the clone's own, which it never touches. */
export function commitIndexOf(repo: RepoHandle): string {
  return path.join(repo.dir, ".git", "foundry-commit.index");
}

/**
 * Makes the commit of a staged change on top of `head` from objects alone: the new blobs, the
 * commit's tree with the change's entries replaced, and a commit with the person as author and
 * the console as committer. Nothing in the working tree is read or written. Returns the new sha,
 * or undefined when the change leaves the tree as it was (no empty commits).
 */
export async function commitStaged(
  repo: RepoHandle,
  request: { author: GitIdentity; summary: string; action: string; requestId: string },
  head: string,
  listing: TreeListing,
  change: StagedChange,
): Promise<string | undefined> {
  const prefix = `${repo.manifestsPath}/`;
  const entries: string[] = [];
  const blobs = new Map<string, string>();
  let index = 0;
  for (const [file, text] of change.writes) {
    await giveWayAt(index++, 500);
    const id = blobIdOf(text);
    if (listing.ids.get(file) === id) continue;
    blobs.set(id, text);
    entries.push(`${listing.modes.get(file) ?? "100644"} ${id}\t${prefix}${file}`);
  }
  for (const file of change.deletes) entries.push(`0 ${"0".repeat(40)}\t${prefix}${file}`);
  if (entries.length === 0) return undefined;

  await writeBlobs(repo, blobs);
  const indexFile = commitIndexOf(repo);
  if (repo.commitIndex.holds !== head) await repo.git(["read-tree", head], { indexFile });
  // Whatever happens next, the index no longer holds `head` alone.
  repo.commitIndex.holds = undefined;
  await repo.git(["update-index", "--index-info"], {
    input: `${entries.join("\n")}\n`,
    indexFile,
  });
  const tree = (await repo.git(["write-tree"], { indexFile })).trim();
  const sha = (
    await repo.git(["commit-tree", tree, "-p", head, "-F", "-"], {
      input: commitMessage(request),
      author: identity(request.author),
    })
  ).trim();
  repo.commitIndex.holds = sha;
  return sha;
}

async function writeBlobs(repo: RepoHandle, blobs: Map<string, string>): Promise<void> {
  if (blobs.size <= looseBlobs) {
    for (const [id, text] of blobs) {
      const written = (await repo.git(["hash-object", "-w", "--stdin"], { input: text })).trim();
      if (written !== id) throw new Error(`git stored ${written} where ${id} was expected`);
    }
    return;
  }
  const stream = [...blobs.values()].map(
    (text) => `blob\ndata ${Buffer.byteLength(text)}\n${text}\n`,
  );
  await repo.git(["fast-import", "--quiet", "--done"], { input: `${stream.join("")}done\n` });
}
