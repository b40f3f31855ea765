import { spawn } from "node:child_process";
import type { Redactor } from "./redact";

export type GitResult = { code: number; stdout: string; stderr: string; timedOut: boolean };

export type GitRunOptions = {
  cwd: string;
  env: NodeJS.ProcessEnv;
  redact: Redactor;
  /** Written to stdin, e.g. a commit message for `commit -F -`. */
  input?: string;
  timeoutMs?: number;
};

/** A git command that failed; its text has already been through the redactor. */
export class GitCommandError extends Error {
  constructor(
    readonly command: string,
    readonly result: GitResult,
  ) {
    const detail = result.timedOut ? "timed out" : result.stderr.trim() || `exit ${result.code}`;
    super(`git ${command} failed: ${detail}`);
    this.name = "GitCommandError";
  }
}

type GitOutput = { code: number; stdout: Buffer; stderr: string; timedOut: boolean };

/** The one place a git process is started: an argument array (never a shell), stdout as bytes. */
function spawnGit(args: string[], options: GitRunOptions): Promise<GitOutput> {
  return new Promise((resolve) => {
    // Its own process group: git's helpers (git-remote-https) hold its pipes, and a timeout must
    // end them too, or the answer waits for a hanging remote after all.
    const child = spawn("git", args, {
      cwd: options.cwd,
      env: options.env,
      stdio: "pipe",
      detached: true,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, options.timeoutMs ?? 60_000);
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
    const finish = (code: number, spawnError?: Error) => {
      clearTimeout(timer);
      resolve({
        code,
        timedOut,
        stdout: Buffer.concat(stdout),
        stderr: options.redact(spawnError?.message ?? Buffer.concat(stderr).toString("utf8")),
      });
    };
    child.on("error", (error) => finish(127, error));
    child.on("close", (code) => finish(code ?? 128));
  });
}

/** Runs git with an argument array (never a shell). Resolves with the outcome, even on failure. */
export async function runGit(args: string[], options: GitRunOptions): Promise<GitResult> {
  const output = await spawnGit(args, options);
  return { ...output, stdout: options.redact(output.stdout.toString("utf8")) };
}

/** Runs git and returns stdout; throws `GitCommandError` on a non-zero exit. */
export async function git(args: string[], options: GitRunOptions): Promise<string> {
  const result = await runGit(args, options);
  if (result.code !== 0 || result.timedOut) throw new GitCommandError(args[0] ?? "", result);
  return result.stdout;
}

/**
 * Runs git and returns stdout as bytes, for output whose lengths count bytes (`cat-file --batch`).
 * Only stderr goes through the redactor: bytes of Git objects carry no token. Throws
 * `GitCommandError` on a non-zero exit.
 */
export async function gitBytes(args: string[], options: GitRunOptions): Promise<Buffer> {
  const output = await spawnGit(args, options);
  if (output.code !== 0 || output.timedOut) {
    throw new GitCommandError(args[0] ?? "", { ...output, stdout: "" });
  }
  return output.stdout;
}
