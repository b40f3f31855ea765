import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { TreeReader } from "./inventory";

const execFileAsync = promisify(execFile);
const gitEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_TERMINAL_PROMPT: "0" };

// Blob text by object id. Objects never change, so this only grows by what new commits bring.
const blobs = new Map<string, string>();

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
}): Promise<TreeReader> {
  const gitDir = path.join(input.cloneDir, ".git");
  const prefix = `${input.manifestsPath}/`;
  const { stdout } = await execFileAsync(
    "git",
    ["--git-dir", gitDir, "ls-tree", "-r", "-z", input.sha, "--", ...input.folders.map((folder) => `${prefix}${folder}/`)],
    { env: gitEnv, maxBuffer: 256 * 1024 * 1024 },
  );
  const ids = new Map<string, string>();
  for (const entry of stdout.split("\0")) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (match?.[1] && match[2]?.startsWith(prefix)) ids.set(match[2].slice(prefix.length), match[1]);
  }
  const missing = [...new Set(ids.values())].filter((id) => !blobs.has(id));
  if (missing.length > 0) await readBlobs(gitDir, missing);
  const files = [...ids.keys()].sort();
  return {
    list: async (folder) => files.filter((file) => !folder || file.startsWith(`${folder.replace(/\/+$/, "")}/`)),
    read: async (file) => {
      const id = ids.get(file);
      return id === undefined ? undefined : blobs.get(id);
    },
  };
}

function readBlobs(gitDir: string, ids: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["--git-dir", gitDir, "cat-file", "--batch"], { env: gitEnv });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
      const out = Buffer.concat(chunks);
      let offset = 0;
      while (offset < out.length) {
        const end = out.indexOf(10, offset);
        const [id = "", type = "", size = "0"] = out.subarray(offset, end).toString().split(" ");
        const length = Number(size);
        if (type === "blob") blobs.set(id, out.subarray(end + 1, end + 1 + length).toString("utf8"));
        offset = type === "missing" ? end + 1 : end + 1 + length + 1;
      }
      resolve();
    });
    child.stdin.end(`${ids.join("\n")}\n`);
  });
}
