import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Actor } from "@/lib/actor";
import {
  createGitWriter,
  createKeyedQueue,
  type GitWriter,
  type GitWriterOptions,
} from "@/lib/gitops/create-git-writer";
import { startGitHttpServer, type GitHttpServer } from "@/e2e/doubles/git-http-server";
import { createMemoryAuditLog, type MemoryAuditLog } from "@/tests/support/memory-audit-log";

const execFileAsync = promisify(execFile);

export const ada: Actor = {
  id: "u1",
  login: "ada",
  name: "Ada Lovelace",
  email: "ada@example.test",
  role: "operator",
};
export const committer = { name: "Metal Foundry", email: "foundry@example.test" };

export type RemoteCommit = {
  sha: string;
  author: string;
  committer: string;
  message: string;
  requestIds: string[];
};

/** A Git server, one seeded repository and an audit log, all of its own, for one test. */
export type GitWorld = {
  server: GitHttpServer;
  url: string;
  token: string;
  audit: MemoryAuditLog;
  dir: string;
  gitDir: string;
  /** A writer with its own clone and its own queue, like another replica. */
  writer(overrides?: Partial<GitWriterOptions>): GitWriter;
  remoteGit(args: string[]): Promise<string>;
  remoteLog(ref?: string): Promise<RemoteCommit[]>;
  remoteFile(file: string, ref?: string): Promise<string | undefined>;
  pushByHand(file: string, content: string, message?: string, ref?: string): Promise<void>;
  /** A person's commit made in a clone of their own: `edit` changes the work tree. */
  commitByHand(edit: (work: string) => Promise<void>, message: string, ref?: string): Promise<void>;
  close(): Promise<void>;
};

export async function createGitWorld(options: { token?: string } = {}): Promise<GitWorld> {
  const token = options.token ?? `tok-${randomBytes(12).toString("hex")}`;
  const dir = await mkdtemp(path.join(tmpdir(), "foundry-gitops-test-"));
  const server = await startGitHttpServer({ token, root: path.join(dir, "remote") });
  const url = await server.createRepository("acme/gitops", {
    files: { "manifests/README.md": "# GitOps tree\n", "README.md": "fork of metal-foundry\n" },
  });
  const gitDir = path.join(server.root, "acme/gitops.git");
  const audit = createMemoryAuditLog();
  let clones = 0;
  const commitByHand: GitWorld["commitByHand"] = async (edit, message, ref = "main") => {
    const work = path.join(dir, `hand-${randomBytes(4).toString("hex")}`);
    const run = (args: string[]) => execFileAsync("git", args, { cwd: work, env: quietGitEnv });
    await execFileAsync("git", ["clone", "-q", gitDir, work], { env: quietGitEnv });
    await edit(work);
    await run(["add", "-A"]);
    await run(["commit", "-q", "-m", message]);
    await run(["push", "-q", "origin", `HEAD:refs/heads/${ref}`]);
  };
  const remoteGit = async (args: string[]) =>
    (await execFileAsync("git", ["--git-dir", gitDir, ...args], { env: quietGitEnv })).stdout;
  return {
    server,
    url,
    token,
    audit,
    dir,
    gitDir,
    remoteGit,
    writer(overrides = {}) {
      clones += 1;
      return createGitWriter({
        url,
        token,
        branch: "main",
        mode: "push",
        manifestsPath: "manifests",
        committer,
        pushAttempts: 5,
        cloneDir: path.join(dir, `clone-${clones}`),
        githubApiUrl: "http://127.0.0.1:9",
        audit,
        queue: createKeyedQueue(),
        networkTimeoutMs: 10_000,
        ...overrides,
      });
    },
    async remoteLog(ref = "main") {
      const out = await remoteGit([
        "log",
        "--format=%H%x1f%an <%ae>%x1f%cn <%ce>%x1f%B%x1f%(trailers:key=Foundry-Request,valueonly,separator=%x2C)%x1e",
        ref,
      ]);
      return out
        .split("\x1e")
        .filter((chunk) => chunk.trim() !== "")
        .map((chunk) => {
          const [sha = "", author = "", committerText = "", message = "", ids = ""] = chunk
            .trim()
            .split("\x1f");
          return {
            sha,
            author,
            committer: committerText,
            message,
            requestIds: ids.trim().split(",").filter(Boolean),
          };
        });
    },
    async remoteFile(file, ref = "main") {
      return remoteGit(["show", `${ref}:${file}`]).catch(() => undefined);
    },
    async pushByHand(file, content, message = `by hand: ${file}`, ref = "main") {
      await commitByHand(
        async (work) => {
          await mkdir(path.dirname(path.join(work, file)), { recursive: true });
          await writeFile(path.join(work, file), content);
        },
        message,
        ref,
      );
    },
    commitByHand,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Git's environment for a person's own commands in tests: no machine or user config. */
export const quietGitEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Grace Hopper",
  GIT_AUTHOR_EMAIL: "grace@example.test",
  GIT_COMMITTER_NAME: "Grace Hopper",
  GIT_COMMITTER_EMAIL: "grace@example.test",
};
