import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A pull request as the double recorded it. */
export type RecordedPullRequest = {
  number: number;
  owner: string;
  repo: string;
  head: string;
  base: string;
  title: string;
  body: string;
  html_url: string;
};

export type GitHubApiDouble = {
  readonly baseUrl: string;
  readonly pulls: RecordedPullRequest[];
  /** The next `count` create calls answer with this status instead of creating anything. */
  failNext(status: number, count?: number): void;
  close(): Promise<void>;
};

/** Just enough of GitHub's REST API for pull-request mode: create and list pulls. */
export async function startGitHubApiDouble(
  options: { token?: string } = {},
): Promise<GitHubApiDouble> {
  const pulls: RecordedPullRequest[] = [];
  let failure = { status: 0, count: 0 };
  let baseUrl = "";
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const presented = request.headers.authorization?.replace(/^(token|bearer) /i, "");
      if (options.token && presented !== options.token) {
        return send(response, 401, { message: "Bad credentials" });
      }
      const url = new URL(request.url ?? "/", baseUrl);
      const match = /^\/repos\/([^/]+)\/([^/]+)\/pulls$/.exec(url.pathname);
      if (!match?.[1] || !match[2]) return send(response, 404, { message: "Not Found" });
      const [owner, repo] = [match[1], match[2]];
      if (request.method === "GET") {
        const head = url.searchParams.get("head");
        const found = pulls.filter(
          (pull) => pull.owner === owner && pull.repo === repo && `${owner}:${pull.head}` === head,
        );
        return send(response, 200, found);
      }
      if (failure.count > 0) {
        failure.count -= 1;
        return send(response, failure.status, { message: "Injected failure" });
      }
      const input = JSON.parse(body || "{}") as Record<string, unknown>;
      const number = pulls.length + 1;
      const pull: RecordedPullRequest = {
        number,
        owner,
        repo,
        head: String(input.head),
        base: String(input.base),
        title: String(input.title),
        body: String(input.body),
        html_url: `${baseUrl}/${owner}/${repo}/pull/${number}`,
      };
      pulls.push(pull);
      return send(response, 201, {
        ...pull,
        state: "open",
        head: { ref: pull.head },
        base: { ref: pull.base },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    pulls,
    failNext(status, count = 1) {
      failure = { status, count };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}
