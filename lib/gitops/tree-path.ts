import path from "node:path";
import { InvalidError } from "@/lib/errors";

/**
 * Checks a path the change function gave (relative to the manifests path) and returns it
 * relative to the repository root, in POSIX form. Refuses anything that could leave the tree.
 */
export function treePath(manifestsPath: string, relative: string): string {
  const refuse = (why: string) =>
    new InvalidError(`"${printable(relative)}" is not a path inside the manifests tree: ${why}`);
  if (relative.trim() === "") throw refuse("it is empty");
  if (/[\u0000-\u001f\u007f\\]/.test(relative))
    throw refuse("it contains control characters or backslashes");
  if (relative.startsWith("/") || path.isAbsolute(relative)) throw refuse("it is absolute");
  const parts = relative.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.includes("..")) throw refuse("it contains '..'");
  if (parts.some((part) => part.toLowerCase() === ".git")) throw refuse("it names a .git folder");
  if (parts.length === 0) throw refuse("it names the tree itself");
  return path.posix.join(manifestsPath, ...parts);
}

/** A path inside `tree` ("" for the whole tree), for listing; same rules, but may be empty. */
export function treeFolder(manifestsPath: string, relative = ""): string {
  return relative.replace(/^\.?\/?$/, "") === ""
    ? manifestsPath
    : treePath(manifestsPath, relative);
}

/**
 * What a path relative to the manifests path starts with when it lies in `relative` ("" for the
 * whole tree, else the folder and a slash); same rules as `treeFolder`.
 */
export function folderPrefix(manifestsPath: string, relative = ""): string {
  const root = treeFolder(manifestsPath, relative);
  return root === manifestsPath ? "" : `${root.slice(manifestsPath.length + 1)}/`;
}

export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, "?").slice(0, 200);
}
