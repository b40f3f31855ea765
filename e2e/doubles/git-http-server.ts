import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { runBackend } from "./git-cgi-backend";
import { createBareRepository, type SeedFiles } from "./git-repository-seed";

/**
 * A loopback Git server speaking smart HTTP through `git http-backend`, for tests, the benchmark,
 * Playwright and the first-run demo. Optional HTTP Basic token; can be stopped and restarted on
 * the same port; a hook can delay, reject or drop requests to stage failures.
 */
export type GitRequestInfo = { method: string; repository: string; service: string | undefined };

export type HookVerdict =
  | { kind: "pass" }
  | { kind: "reject"; status: number; message: string }
  /** Let Git take the request, then cut the connection before the client hears the answer. */
  | { kind: "drop-response" }
  /** Cut the connection without letting Git see the request. */
  | { kind: "drop-request" };

export type RequestHook = (request: GitRequestInfo) => HookVerdict | Promise<HookVerdict>;

export type GitHttpServerOptions = {
  /** When set, every request needs HTTP Basic auth whose password is this token. */
  token?: string;
  /** Where bare repositories live; a fresh temp dir (removed on close) when omitted. */
  root?: string;
  onRequest?: RequestHook;
  /** Listen on this loopback port instead of any free one. */
  port?: number;
};

export type GitHttpServer = {
  readonly port: number;
  readonly baseUrl: string;
  readonly root: string;
  urlFor(repository: string): string;
  /** Creates `<name>.git` with `--initial-branch` (default main), optionally seeded in one commit. */
  createRepository(name: string, options?: { files?: SeedFiles; branch?: string }): Promise<string>;
  setHook(hook: RequestHook | undefined): void;
  /** Stops listening and drops open connections: the remote is "down". */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
};

export async function startGitHttpServer(
  options: GitHttpServerOptions = {},
): Promise<GitHttpServer> {
  const ownsRoot = options.root === undefined;
  const root = options.root ?? (await mkdtemp(path.join(tmpdir(), "foundry-git-server-")));
  let hook = options.onRequest;
  let server = createServer((request, response) => {
    void handle(request, response, { root, token: options.token, hook });
  });
  let port = await listen(server, options.port ?? 0);
  let listening = true;

  const stop = async (): Promise<void> => {
    if (!listening) return;
    listening = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  };

  return {
    get port() {
      return port;
    },
    get baseUrl() {
      return `http://127.0.0.1:${port}`;
    },
    root,
    urlFor: (repository) => `http://127.0.0.1:${port}/${repository}.git`,
    async createRepository(name, repoOptions = {}) {
      const gitDir = path.join(root, `${name}.git`);
      await createBareRepository(gitDir, repoOptions.branch ?? "main", repoOptions.files);
      return `http://127.0.0.1:${port}/${name}.git`;
    },
    setHook(next) {
      hook = next;
    },
    stop,
    async restart() {
      if (listening) return;
      server = createServer((request, response) => {
        void handle(request, response, { root, token: options.token, hook });
      });
      port = await listen(server, port);
      listening = true;
    },
    async close() {
      await stop();
      if (ownsRoot) await rm(root, { recursive: true, force: true });
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

type HandleContext = { root: string; token: string | undefined; hook: RequestHook | undefined };

async function handle(request: IncomingMessage, response: ServerResponse, context: HandleContext) {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  if (context.token !== undefined && !authorised(request, context.token)) {
    response.writeHead(401, { "WWW-Authenticate": 'Basic realm="foundry-git"' });
    response.end("authentication required\n");
    return;
  }
  const verdict: HookVerdict = context.hook
    ? await context.hook(describe(request, url))
    : { kind: "pass" };
  if (verdict.kind === "reject") {
    response.writeHead(verdict.status, { "Content-Type": "text/plain" });
    response.end(`${verdict.message}\n`);
    return;
  }
  if (verdict.kind === "drop-request") {
    request.socket.destroy();
    return;
  }
  runBackend(request, response, url, context.root, verdict.kind === "drop-response");
}

function authorised(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? "";
  const match = /^Basic\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  return decoded.slice(decoded.indexOf(":") + 1) === token;
}

function describe(request: IncomingMessage, url: URL): GitRequestInfo {
  const repository = /^\/(.+?)\.git(\/|$)/.exec(url.pathname)?.[1] ?? url.pathname;
  const service =
    url.searchParams.get("service") ?? /\/(git-[a-z-]+)$/.exec(url.pathname)?.[1] ?? undefined;
  return { method: request.method ?? "GET", repository, service };
}
