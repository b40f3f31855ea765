import { z } from "zod";
import type { RepoHandle } from "./repo-handle";

const record = z.tuple([z.string().regex(/^[0-9a-f]{40,64}$/)], z.string());

/**
 * Commits reachable from `refs` that carry a `Foundry-Request` trailer, by request id. Only the
 * trailer block counts: a subject that merely mentions a request id is not a match.
 */
export async function requestCommits(
  repo: RepoHandle,
  refs: string[],
  requestId?: string,
): Promise<Map<string, string>> {
  const grep = requestId === undefined ? "Foundry-Request:" : `Foundry-Request: ${requestId}`;
  const output = await repo.git([
    "log",
    "--fixed-strings",
    `--grep=${grep}`,
    "--format=%H%x1f%(trailers:key=Foundry-Request,valueonly,separator=%x1f)%x1e",
    ...refs,
    "--",
  ]);
  const found = new Map<string, string>();
  for (const chunk of output.split("\x1e")) {
    if (chunk.trim() === "") continue;
    const [sha, ...ids] = record.parse(chunk.trim().split("\x1f"));
    for (const id of ids) {
      const value = id.trim();
      if (value === "") continue;
      if ((requestId === undefined || value === requestId) && !found.has(value))
        found.set(value, sha);
    }
  }
  return found;
}
