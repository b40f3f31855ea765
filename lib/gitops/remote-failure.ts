import { UnavailableError } from "@/lib/errors";
import type { GitResult } from "./git-command";

/** Where the remote is, in words a person recognises, without any credentials. */
export function remoteLabel(url: string): string {
  if (!/^[a-z]+:\/\//i.test(url)) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "file:" ? parsed.pathname : parsed.host;
  } catch {
    return "the configured URL";
  }
}

const causes: [RegExp, (where: string) => string][] = [
  [
    /could not read (username|password)|authentication failed|returned error: 40[13]|terminal prompts disabled/i,
    () => "the Git remote refused the credentials",
  ],
  [
    /couldn't connect to server|connection refused/i,
    (where) => `cannot reach the Git remote at ${where}: connection refused`,
  ],
  [
    /could not resolve host/i,
    (where) => `cannot reach the Git remote at ${where}: the host name does not resolve`,
  ],
  [
    /timed out|timeout/i,
    (where) => `cannot reach the Git remote at ${where}: it did not answer in time`,
  ],
  [
    /ssl|certificate|tls/i,
    (where) => `cannot reach the Git remote at ${where}: the TLS connection failed`,
  ],
  [
    /repository .* not found|returned error: 404|does not appear to be a git repository/i,
    (where) => `the Git remote at ${where} has no such repository`,
  ],
  [
    /empty reply|hung up unexpectedly|unexpected disconnect|connection reset|rpc failed/i,
    (where) => `the connection to the Git remote at ${where} dropped`,
  ],
];

/** Turns a failed network git command into an Unavailable error that names the cause plainly. */
export function remoteFailure(result: GitResult, url: string): UnavailableError {
  const where = remoteLabel(url);
  if (result.timedOut) {
    return new UnavailableError(
      `cannot reach the Git remote at ${where}: it did not answer in time`,
    );
  }
  const match = causes.find(([pattern]) => pattern.test(result.stderr));
  if (match) return new UnavailableError(match[1](where));
  const firstLine = result.stderr.split("\n").find((line) => line.trim() !== "") ?? "";
  const detail =
    firstLine.replace(/^(fatal|error):\s*/, "").trim() || `git exited with ${result.code}`;
  return new UnavailableError(`the Git remote at ${where} failed: ${detail}`);
}

/** Whether a failure left it unknown if the remote took the request (vs. never reaching it). */
export function outcomeUnknown(result: GitResult): boolean {
  return (
    result.timedOut ||
    /empty reply|hung up|unexpected disconnect|connection reset|rpc failed/i.test(result.stderr)
  );
}
