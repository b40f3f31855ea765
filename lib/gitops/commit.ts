import { stat } from "node:fs/promises";
import path from "node:path";
import { ConflictError } from "@/lib/errors";
import { giveWayAt } from "@/lib/event-loop";
import { gitBlobId, type ObjectFormat } from "./blob-id";
import { commitMessage, identity } from "./commit-message";
import type { GitIdentity } from "./git-env";
import type { StagedChange } from "./object-tree";
import type { RepoHandle } from "./repo-handle";
import type { TreeListing } from "./tree-listing";
import { printable } from "./tree-path";

// A repository's object format never changes; asked once per clone handle.
const formats = new WeakMap<RepoHandle, Promise<ObjectFormat>>();
function objectFormatOf(repo: RepoHandle): Promise<ObjectFormat> {
  let format = formats.get(repo);
  if (format === undefined) {
    const asked = repo
      .git(["rev-parse", "--show-object-format"])
      .then((out): ObjectFormat => (out.trim() === "sha256" ? "sha256" : "sha1"));
    asked.catch(() => formats.delete(repo));
    formats.set(repo, asked);
    format = asked;
  }
  return format;
}

// Up to this many new blobs are written one `hash-object` each (loose objects, which gc packs);
// more go into one pack through `fast-import`, so a 10,000-row CSV writes one file, not 10,000.
const looseBlobs = 8;

/** The index this writer builds commits in, beside the clone's own, which it never touches. */
export function commitIndexOf(repo: RepoHandle): string {
  return path.join(repo.dir, ".git", `${commitIndexPrefix}${repo.commitIndex.name}.index`);
}

export const commitIndexPrefix = "foundry-commit-";

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
  const format = await objectFormatOf(repo);
  const entries: string[] = [];
  const blobs = new Map<string, string>();
  let index = 0;
  for (const [file, text] of change.writes) {
    await giveWayAt(index++, 500);
    const id = gitBlobId(text, format);
    if (listing.ids.get(file) === id) continue;
    blobs.set(id, text);
    entries.push(`${listing.modes.get(file) ?? "100644"} ${id}\t${prefix}${file}`);
  }
  const none = "0".repeat(format === "sha256" ? 64 : 40);
  for (const file of change.deletes) entries.push(`0 ${none}\t${prefix}${file}`);
  if (entries.length === 0) return undefined;

  await writeBlobs(repo, blobs);
  const indexFile = commitIndexOf(repo);
  const holdsHead =
    repo.commitIndex.holds === head &&
    (await stat(indexFile).then(
      () => true,
      () => false,
    ));
  if (!holdsHead) await repo.git(["read-tree", head], { indexFile });
  // Whatever happens next, the index no longer holds `head` alone.
  repo.commitIndex.holds = undefined;
  await repo.git(["update-index", "--index-info"], {
    input: `${entries.join("\n")}\n`,
    indexFile,
  });
  const tree = (await repo.git(["write-tree"], { indexFile })).trim();
  await assertChangesOnly(repo, head, tree, new Set(entries.map((entry) => entry.split("\t")[1])));
  const sha = (
    await repo.git(["commit-tree", tree, "-p", head, "-F", "-"], {
      input: commitMessage(request),
      author: identity(request.author),
    })
  ).trim();
  repo.commitIndex.holds = sha;
  return sha;
}

/*
 * The commit changes exactly the paths the change named, or it is not made. Git resolves a clash
 * of a file with a folder by replacing the other entry, which may be one the change could not
 * see (a submodule, a folder of links); a name Git spells differently (not UTF-8) would be left
 * as it was; an index another process changed would bring its files along.
 */
async function assertChangesOnly(
  repo: RepoHandle,
  head: string,
  tree: string,
  expected: Set<string | undefined>,
): Promise<void> {
  const changed = (
    await repo.git(["diff-tree", "-r", "-z", "--name-only", "--no-renames", head, tree])
  )
    .split("\0")
    .filter((file) => file !== "");
  const unexpected = changed.filter((file) => !expected.has(file));
  const seen = new Set(changed);
  const untouched = [...expected].filter((file) => file !== undefined && !seen.has(file));
  if (unexpected.length === 0 && untouched.length === 0) return;
  const named = (files: (string | undefined)[]) =>
    files
      .slice(0, 3)
      .map((file) => `"${printable(file ?? "")}"`)
      .join(", ");
  throw new ConflictError(
    unexpected.length > 0
      ? `the commit would also change ${named(unexpected)}, which the change did not touch; ` +
          "nothing was committed"
      : `Git would leave ${named(untouched)} as it is although the change wrote it; nothing was ` +
          "committed",
  );
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
