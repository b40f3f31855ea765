import { randomBytes } from "node:crypto";
import { git, gitBytes, runGit, type GitResult } from "./git-command";
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
  /**
   * The commit whose tree the writer's commit index (`commitIndexOf`) holds, if it is known to
   * hold one: the next commit on top of it needs no `read-tree`. Only the writer's queue uses it.
   */
  commitIndex: { holds: string | undefined; name: string };
  run(args: string[], options?: RunOptions): Promise<GitResult>;
  git(args: string[], options?: RunOptions): Promise<string>;
  /** stdout as bytes, for output that carries byte counts (`cat-file --batch`). */
  bytes(args: string[], options?: RunOptions): Promise<Buffer>;
};

type RunOptions = {
  input?: string;
  author?: GitIdentity;
  cwd?: string;
  timeoutMs?: number;
  /** An index file other than the clone's own (GIT_INDEX_FILE). */
  indexFile?: string;
};

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
    env: {
      ...gitEnvironment({
        token: settings.token,
        committer: settings.committer,
        author: options.author,
      }),
      ...(options.indexFile === undefined ? {} : { GIT_INDEX_FILE: options.indexFile }),
    },
  });
  return {
    ...settings,
    redact,
    // Its own name: two writers on one clone (a rolling restart on one volume) never share it.
    commitIndex: { holds: undefined, name: randomBytes(6).toString("hex") },
    run: (args, options) => runGit(args, optionsFor(options)),
    git: (args, options) => git(args, optionsFor(options)),
    bytes: (args, options) => gitBytes(args, optionsFor(options)),
  };
}
