/**
 * Object id by path under `prefix` (the path without it), from `git ls-tree -r -z` output.
 * Regular files only: a symbolic link's blob is its target's name, not a manifest.
 */
export function blobIdsByFile(listing: string, prefix: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const entry of listing.split("\0")) {
    const match = /^100\d{3} blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (match?.[1] && match[2]?.startsWith(prefix))
      ids.set(match[2].slice(prefix.length), match[1]);
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
