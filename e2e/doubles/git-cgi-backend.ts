import { spawn } from "node:child_process";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Runs one request through `git http-backend` as CGI: request headers become HTTP_* variables,
 * the body streams to stdin, and the CGI headers (with Status) become the HTTP response head.
 * With `dropResponse`, Git does all its work but the client never hears back.
 */
export function runBackend(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  root: string,
  dropResponse: boolean,
) {
  const headerEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") {
      headerEnv[`HTTP_${name.toUpperCase().replace(/-/g, "_")}`] = value;
    }
  }
  const child = spawn("git", ["http-backend"], {
    env: {
      NODE_ENV: process.env.NODE_ENV,
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      ...headerEnv,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: "1",
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      REMOTE_USER: "foundry-test",
      REMOTE_ADDR: "127.0.0.1",
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.replace(/^\?/, ""),
      REQUEST_METHOD: request.method ?? "GET",
      CONTENT_TYPE: request.headers["content-type"] ?? "",
      ...(request.headers["content-length"]
        ? { CONTENT_LENGTH: request.headers["content-length"] }
        : {}),
    },
  });
  request.pipe(child.stdin);
  child.stdin.on("error", () => undefined);
  child.stderr.resume();
  if (dropResponse) {
    child.stdout.resume();
    child.on("close", () => request.socket.destroy());
    return;
  }
  relayCgiOutput(child.stdout, response);
  child.on("error", () => response.destroy());
}

function relayCgiOutput(stdout: NodeJS.ReadableStream, response: ServerResponse) {
  let head = Buffer.alloc(0);
  let headersSent = false;
  stdout.on("data", (chunk: Buffer) => {
    if (headersSent) {
      response.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf("\r\n\r\n");
    if (end === -1) return;
    const headers = head.subarray(0, end).toString("latin1").split("\r\n");
    let status = 200;
    for (const line of headers) {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === "status") status = Number.parseInt(value, 10) || 500;
      else response.setHeader(name, value);
    }
    response.writeHead(status);
    headersSent = true;
    response.write(head.subarray(end + 4));
  });
  stdout.on("end", () => {
    if (!headersSent) response.writeHead(502);
    response.end();
  });
}
