import { git, runGit, type GitResult } from "./git-command";
import { gitEnvironment, type GitIdentity } from "./git-env";
import { createRedactor, type Redactor } from "./redact";

/** One clone of one remote branch, and the way to run git in it with the writer's settings. */
export type RepoHandle = {
  dir: string;
  url: string;
  branch: string;
  manifestsPath: string;
  committer: GitIdentity;
  networkTimeoutMs: number;
  redact: Redactor;
  /** What the writer knows of its clone between writes; only the writer's queue touches it. */
  worktree: { cleanAt: string | undefined };
  run(args: string[], options?: RunOptions): Promise<GitResult>;
  git(args: string[], options?: RunOptions): Promise<string>;
};

type RunOptions = { input?: string; author?: GitIdentity; cwd?: string; timeoutMs?: number };

export function createRepoHandle(settings: {
  dir: string;
  url: string;
  branch: string;
  manifestsPath: string;
  committer: GitIdentity;
  token: string | undefined;
  networkTimeoutMs: number;
}): RepoHandle {
  const redact = createRedactor(settings.token);
  const optionsFor = (options: RunOptions = {}) => ({
    cwd: options.cwd ?? settings.dir,
    redact,
    input: options.input,
    timeoutMs: options.timeoutMs ?? settings.networkTimeoutMs,
    env: gitEnvironment({
      token: settings.token,
      committer: settings.committer,
      author: options.author,
    }),
  });
  return {
    ...settings,
    redact,
    worktree: { cleanAt: undefined },
    run: (args, options) => runGit(args, optionsFor(options)),
    git: (args, options) => git(args, optionsFor(options)),
  };
}
