/** The files of a commit under the manifests path, with their ids. */
export type TreeListing = {
  /** Object id by path relative to the manifests path; regular files only. */
  ids: ReadonlyMap<string, string>;
  /** The same paths, sorted. */
  files: readonly string[];
  /** Paths of symbolic links, relative to the manifests path. */
  links: ReadonlySet<string>;
  /** The mode of each file that is not a plain 100644 one (an executable script, say). */
  modes: ReadonlyMap<string, string>;
  /** The manifests path itself, or a folder on the way to it, when that is a symbolic link. */
  rootLink: string | undefined;
};

// A commit's tree never changes, so its listing is read once: the preview and the commit of one
// write, and the Servers page after it, list the same commit. A few, as each holds the fleet.
const kept = 3;
const listings = new Map<string, Promise<TreeListing>>();
const fullSha = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** The listing of `sha`, from `git ls-tree` run by `git`, or the one read before for that commit. */
export function treeListing(
  git: (args: string[]) => Promise<string>,
  sha: string,
  manifestsPath: string,
): Promise<TreeListing> {
  const read = async (): Promise<TreeListing> => {
    const prefix = `${manifestsPath}/`;
    const { ids, links, modes } = parseListing(
      await git(["ls-tree", "-r", "-z", sha, "--", prefix]),
      prefix,
    );
    // A linked manifests path lists nothing under it: only then is there anything to look for.
    const rootLink =
      ids.size === 0 && links.size === 0 ? await linkOnTheWay(git, sha, manifestsPath) : undefined;
    return { ids, files: [...ids.keys()].sort(), links, modes, rootLink };
  };
  // A ref or an abbreviated id could name another commit tomorrow: only full ids are kept.
  if (!fullSha.test(sha)) return read();
  const key = `${sha}\0${manifestsPath}`;
  const known = listings.get(key);
  if (known !== undefined) {
    listings.delete(key);
    listings.set(key, known);
    return known;
  }
  const listing = read();
  listings.set(key, listing);
  // A failed read (a timeout, say) is not the commit's listing: the next asks git again.
  listing.catch(() => {
    if (listings.get(key) === listing) listings.delete(key);
  });
  for (const old of listings.keys()) {
    if (listings.size <= kept) break;
    listings.delete(old);
  }
  return listing;
}

/*
 * `git ls-tree -r -z` output, one pass over it (a fleet's listing has tens of thousands of
 * entries, each `<mode> <type> <id>\t<path>`, read by position), by path under `prefix` without
 * it: the object id of each regular file (a symbolic link's blob is its target's name, not a
 * manifest), the links, and the mode of each file that is not a plain 100644 one.
 */
function parseListing(
  listing: string,
  prefix: string,
): { ids: Map<string, string>; links: Set<string>; modes: Map<string, string> } {
  const ids = new Map<string, string>();
  const links = new Set<string>();
  const modes = new Map<string, string>();
  for (const entry of listing.split("\0")) {
    const tab = entry.indexOf("\t");
    if (tab === -1) continue;
    const file = entry.slice(tab + 1);
    if (!file.startsWith(prefix) || file.length === prefix.length) continue;
    const relative = file.slice(prefix.length);
    if (entry.startsWith("120000 ")) {
      links.add(relative);
    } else if (entry.startsWith("100") && entry.slice(6, 12) === " blob ") {
      ids.set(relative, entry.slice(12, tab));
      if (!entry.startsWith("100644 ")) modes.set(relative, entry.slice(0, 6));
    }
  }
  return { ids, links, modes };
}

async function linkOnTheWay(
  git: (args: string[]) => Promise<string>,
  sha: string,
  manifestsPath: string,
): Promise<string | undefined> {
  const parts = manifestsPath.split("/");
  const onTheWay = parts.map((_, index) => parts.slice(0, index + 1).join("/"));
  const listing = await git(["ls-tree", "-z", sha, "--", ...onTheWay]);
  for (const entry of listing.split("\0")) {
    if (entry.startsWith("120000 ")) return entry.slice(entry.indexOf("\t") + 1);
  }
  return undefined;
}
