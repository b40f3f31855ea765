import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { createBlobCache, type BlobCache } from "./blob-cache";
import type { TreeReader } from "./inventory";

const execFileAsync = promisify(execFile);
const gitEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_TERMINAL_PROMPT: "0" };

// Objects never change, so a blob read once is good forever; the bound keeps memory flat.
const sharedBlobs = createBlobCache(32 * 1024 * 1024);

/*
 * Reads folders of one commit straight from the writer's clone, read-only: one `ls-tree` and
 * one `cat-file --batch` for the blobs not seen before, so listing thousands of servers costs
 * two processes instead of one per file. Writing stays the GitOps writer's alone.
 */
export async function cloneReader(input: {
  cloneDir: string;
  manifestsPath: string;
  sha: string;
  folders: string[];
}, cache: BlobCache = sharedBlobs): Promise<TreeReader> {
  const gitDir = path.join(input.cloneDir, ".git");
  const prefix = `${input.manifestsPath}/`;
  const { stdout } = await execFileAsync(
    "git",
    ["--git-dir", gitDir, "ls-tree", "-r", "-z", input.sha, "--", ...input.folders.map((folder) => `${prefix}${folder}/`)],
    { env: gitEnv, maxBuffer: 256 * 1024 * 1024 },
  );
  const ids = new Map<string, string>();
  for (const entry of stdout.split("\0")) {
    // Regular files only: a symbolic link's blob is its target's name, not a manifest.
    const match = /^100\d{3} blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (match?.[1] && match[2]?.startsWith(prefix)) ids.set(match[2].slice(prefix.length), match[1]);
  }
  // This reader keeps its own references, so eviction never takes a blob from under it.
  const blobs = new Map<string, string>();
  const missing: string[] = [];
  for (const id of new Set(ids.values())) {
    const text = cache.get(id);
    if (text === undefined) missing.push(id);
    else blobs.set(id, text);
  }
  if (missing.length > 0) {
    for (const [id, blob] of await readBlobs(gitDir, missing)) {
      blobs.set(id, blob.text);
      cache.set(id, blob.text, blob.bytes);
    }
  }
  const files = [...ids.keys()].sort();
  return {
    list: async (folder) => files.filter((file) => !folder || file.startsWith(`${folder.replace(/\/+$/, "")}/`)),
    read: async (file) => {
      const id = ids.get(file);
      return id === undefined ? undefined : blobs.get(id);
    },
  };
}

type BlobText = { text: string; bytes: number };

function readBlobs(gitDir: string, ids: string[]): Promise<Map<string, BlobText>> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["--git-dir", gitDir, "cat-file", "--batch"], { env: gitEnv });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
      const out = Buffer.concat(chunks);
      const read = new Map<string, BlobText>();
      let offset = 0;
      while (offset < out.length) {
        const end = out.indexOf(10, offset);
        const [id = "", type = "", size = "0"] = out.subarray(offset, end).toString().split(" ");
        const length = Number(size);
        if (type === "blob") {
          read.set(id, { text: out.subarray(end + 1, end + 1 + length).toString("utf8"), bytes: length });
        }
        offset = type === "missing" ? end + 1 : end + 1 + length + 1;
      }
      resolve(read);
    });
    child.stdin.end(`${ids.join("\n")}\n`);
  });
}
