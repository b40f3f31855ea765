/**
 * Object id by path under `prefix` (the path without it), from `git ls-tree -r -z` output.
 * Regular files only: a symbolic link's blob is its target's name, not a manifest.
 */
export function blobIdsByFile(listing: string, prefix: string): Map<string, string> {
  const ids = new Map<string, string>();
  // Each entry is `<mode> blob <id>\t<path>`; read by position, as a fleet's listing has
  // tens of thousands of them.
  for (const entry of listing.split("\0")) {
    if (!entry.startsWith("100") || entry.slice(6, 12) !== " blob ") continue;
    const tab = entry.indexOf("\t", 12);
    if (tab === -1) continue;
    const file = entry.slice(tab + 1);
    if (file.startsWith(prefix) && file.length > prefix.length)
      ids.set(file.slice(prefix.length), entry.slice(12, tab));
  }
  return ids;
}

/** `ls-tree` arguments listing every file under the manifests path (or its `folders`) at `sha`. */
export function listingArgs(
  sha: string,
  manifestsPath: string,
  folders: string[] = [""],
): string[] {
  const prefix = `${manifestsPath}/`;
  return [
    "ls-tree",
    "-r",
    "-z",
    sha,
    "--",
    ...folders.map((folder) => `${prefix}${folder ? `${folder}/` : ""}`),
  ];
}
