import { blobIdsByFile, listingArgs } from "./blob-ids";

/** The files of a commit under the manifests path (or some of its folders), with their ids. */
export type TreeListing = {
  /** Object id by path relative to the manifests path; regular files only. */
  ids: ReadonlyMap<string, string>;
  /** The same paths, sorted. */
  files: readonly string[];
  /** Paths of symbolic links, relative to the manifests path. */
  links: ReadonlySet<string>;
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
    const ids = blobIdsByFile(listing, `${manifestsPath}/`);
    return { ids, files: [...ids.keys()].sort(), links: linksIn(listing, `${manifestsPath}/`) };
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
