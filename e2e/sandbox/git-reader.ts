import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { parseAllDocuments } from "yaml";

const run = promisify(execFile);

export type GitManifest = { path: string; object: Record<string, unknown> };

/** Reads the GitOps repository as Flux's source-controller would: a commit of one branch. */
export function gitReader(options: { repository: string; branch: string; manifestsPath: string }) {
  const git = async (args: string[]) =>
    (await run("git", ["--git-dir", options.repository, ...args], { maxBuffer: 64 * 1024 * 1024 }))
      .stdout;
  return {
    async head(): Promise<{ sha: string; subject: string } | undefined> {
      try {
        const out = await git(["log", "-1", "--format=%H%x1f%s", `refs/heads/${options.branch}`]);
        const [sha, subject] = out.trim().split("\x1f");
        return sha ? { sha, subject: subject ?? "" } : undefined;
      } catch {
        return undefined;
      }
    },
    /** Every YAML document under the manifests path at `sha`. */
    async manifests(sha: string): Promise<GitManifest[]> {
      const listing = await git([
        "ls-tree",
        "-r",
        "-z",
        "--name-only",
        sha,
        "--",
        `${options.manifestsPath}/`,
      ]);
      const files = listing.split("\0").filter((name) => /\.ya?ml$/.test(name));
      const found: GitManifest[] = [];
      for (const file of files) {
        const text = await git(["cat-file", "blob", `${sha}:${file}`]);
        for (const document of parseAllDocuments(text)) {
          if (!("toJS" in document)) continue;
          const object: unknown = document.toJS();
          if (typeof object === "object" && object !== null && !Array.isArray(object)) {
            found.push({ path: file, object: Object.fromEntries(Object.entries(object)) });
          }
        }
      }
      return found;
    },
  };
}
