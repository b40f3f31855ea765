import { InvalidError } from "@/lib/errors";

export type GitHubRepository = { owner: string; repo: string };

const namePattern = /^[A-Za-z0-9_.-]+$/;

/** `https://github.com/<owner>/<repo>(.git)` → owner and repo, for the pull-request API. */
export function parseGitHubRepository(url: string): GitHubRepository {
  const refuse = () =>
    new InvalidError(
      `pull-request mode needs an http(s) remote URL ending in /<owner>/<repo>.git; cannot tell the owner and repository from "${url}"`,
    );
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse();
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw refuse();
  const parts = parsed.pathname
    .replace(/\.git\/?$/, "")
    .split("/")
    .filter((part) => part !== "");
  const repo = parts.at(-1);
  const owner = parts.at(-2);
  if (!owner || !repo || !namePattern.test(owner) || !namePattern.test(repo)) throw refuse();
  return { owner, repo };
}
