import { Octokit } from "@octokit/rest";
import { z } from "zod";
import { UnavailableError } from "@/lib/errors";
import type { GitHubRepository } from "./github-repository";
import type { Redactor } from "./redact";

const pullSchema = z.object({ number: z.number().int(), html_url: z.string().url() });

export type PullRequestSettings = {
  apiUrl: string;
  token: string | undefined;
  repository: GitHubRepository;
  redact: Redactor;
  timeoutMs: number;
};

/** Opens a pull request and returns its URL. If the answer is lost, finds the one it opened. */
export async function openPullRequest(
  settings: PullRequestSettings,
  request: { head: string; base: string; title: string; body: string },
): Promise<string> {
  const quiet = () => undefined;
  const octokit = new Octokit({
    baseUrl: settings.apiUrl,
    auth: settings.token,
    userAgent: "metal-foundry",
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    request: { signal: AbortSignal.timeout(settings.timeoutMs) },
  });
  const { owner, repo } = settings.repository;
  try {
    const created = await octokit.rest.pulls.create({ owner, repo, ...request });
    return pullSchema.parse(created.data).html_url;
  } catch (error) {
    const listed = await octokit.rest.pulls
      .list({ owner, repo, head: `${owner}:${request.head}`, state: "open" })
      .then((response) => z.array(pullSchema).parse(response.data)[0]?.html_url)
      .catch(() => undefined);
    if (listed) return listed;
    throw new UnavailableError(
      `GitHub did not open the pull request: ${settings.redact(reason(error, settings.apiUrl))}`,
    );
  }
}

const failureSchema = z.object({
  status: z.number().int(),
  response: z.object({ data: z.object({ message: z.string() }).partial().optional() }).optional(),
});

function reason(error: unknown, apiUrl: string): string {
  const failure = failureSchema.safeParse(error);
  if (!failure.success) return `cannot reach the GitHub API at ${new URL(apiUrl).host}`;
  const { status, response } = failure.data;
  if (status === 401 || status === 403) return `the GitHub API refused the token (HTTP ${status})`;
  const message = response?.data?.message;
  return `the GitHub API answered HTTP ${status}${message ? `: ${message.slice(0, 200)}` : ""}`;
}
