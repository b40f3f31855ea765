import { blobIdsByFile, listingArgs } from "./blob-ids";

/** The files of a commit under the manifests path (or some of its folders), with their ids. */
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
  folders: string[] = [""],
): Promise<TreeListing> {
  const read = async (): Promise<TreeListing> => {
    const listing = await git(listingArgs(sha, manifestsPath, folders));
    const prefix = `${manifestsPath}/`;
    const ids = blobIdsByFile(listing, prefix);
    const links = linksIn(listing, prefix);
    // A linked manifests path lists nothing under it: only then is there anything to look for.
    const rootLink =
      ids.size === 0 && links.size === 0 ? await linkOnTheWay(git, sha, manifestsPath) : undefined;
    return {
      ids,
      files: [...ids.keys()].sort(),
      links,
      modes: modesIn(listing, prefix),
      rootLink,
    };
  };
  // A ref or an abbreviated id could name another commit tomorrow: only full ids are kept.
  if (!fullSha.test(sha)) return read();
  const key = [sha, manifestsPath, ...folders].join("\0");
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

function linksIn(listing: string, prefix: string): Set<string> {
  const links = new Set<string>();
  for (const entry of listing.split("\0")) {
    if (!entry.startsWith("120000 ")) continue;
    const file = entry.slice(entry.indexOf("\t") + 1);
    if (file.startsWith(prefix)) links.add(file.slice(prefix.length));
  }
  return links;
}

function modesIn(listing: string, prefix: string): Map<string, string> {
  const modes = new Map<string, string>();
  for (const entry of listing.split("\0")) {
    if (!entry.startsWith("100") || entry.startsWith("100644 ")) continue;
    const file = entry.slice(entry.indexOf("\t") + 1);
    if (file.startsWith(prefix)) modes.set(file.slice(prefix.length), entry.slice(0, 6));
  }
  return modes;
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
