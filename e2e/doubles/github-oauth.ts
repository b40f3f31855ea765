import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A person the double knows; tests change `orgs` and `teams` ("org/team") to move them around. */
export type GithubPerson = {
  id: number;
  login: string;
  name: string;
  email: string;
  orgs: string[];
  teams: string[];
};

export type GithubOAuthDouble = {
  /** Where authorize and access_token live (GITHUB_URL). */
  readonly url: string;
  /** The REST API, under a GitHub Enterprise-style prefix (GITHUB_API_URL). */
  readonly apiUrl: string;
  /** The `scope` each authorize request asked for, in order. */
  readonly requestedScopes: string[];
  person(login: string): GithubPerson;
  /** Every token issued so far stops working (as when someone revokes the OAuth app). */
  revokeTokens(login: string): void;
  close(): Promise<void>;
};

type Grant = { login: string; redirectUri: string };

/**
 * GitHub's OAuth web flow and the few REST endpoints sign-in reads, on loopback. The authorize
 * step is a tiny page listing the people, so a browser test picks who signs in.
 */
export async function startGithubOAuthDouble(options: {
  clientId: string;
  clientSecret: string;
  people: GithubPerson[];
}): Promise<GithubOAuthDouble> {
  const people = new Map(options.people.map((person) => [person.login, person]));
  const codes = new Map<string, Grant>();
  const tokens = new Map<string, string>();
  const requestedScopes: string[] = [];
  let base = "";

  function personFor(request: IncomingMessage): GithubPerson | undefined {
    const token = request.headers.authorization?.replace(/^(token|bearer) /i, "") ?? "";
    const login = tokens.get(token);
    return login === undefined ? undefined : people.get(login);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", base);
    const path = url.pathname;
    if (path === "/login/oauth/authorize") {
      if (url.searchParams.get("client_id") !== options.clientId)
        return send(response, 400, { error: "bad client_id" });
      requestedScopes.push(url.searchParams.get("scope") ?? "");
      return html(response, authorizePage(url.searchParams, [...people.keys()]));
    }
    if (path === "/login/oauth/authorize/grant") {
      const login = url.searchParams.get("login") ?? "";
      const redirectUri = url.searchParams.get("redirect_uri") ?? "";
      if (!people.has(login) || !redirectUri) return send(response, 400, { error: "bad grant" });
      const code = randomBytes(8).toString("hex");
      codes.set(code, { login, redirectUri });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      response.writeHead(302, { Location: back.toString() }).end();
      return;
    }
    if (path === "/login/oauth/access_token" && request.method === "POST") {
      const form = new URLSearchParams(await readBody(request));
      const [basicId, basicSecret] = basicCredentials(request);
      const clientId = form.get("client_id") ?? basicId;
      const clientSecret = form.get("client_secret") ?? basicSecret;
      if (clientId !== options.clientId || clientSecret !== options.clientSecret) {
        return send(response, 200, { error: "incorrect_client_credentials" });
      }
      const grant = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      if (!grant || grant.redirectUri !== form.get("redirect_uri")) {
        return send(response, 200, { error: "bad_verification_code" });
      }
      const token = `gho_${randomBytes(12).toString("hex")}`;
      tokens.set(token, grant.login);
      return send(response, 200, {
        access_token: token,
        token_type: "bearer",
        scope: "read:org,read:user,user:email",
      });
    }
    if (!path.startsWith("/api/v3/")) return send(response, 404, { message: "Not Found" });
    const person = personFor(request);
    if (!person) return send(response, 401, { message: "Bad credentials" });
    const api = path.slice("/api/v3".length);
    if (api === "/user") {
      return send(response, 200, {
        id: person.id,
        login: person.login,
        name: person.name,
        email: null,
        avatar_url: null,
      });
    }
    if (api === "/user/emails") {
      return send(response, 200, [{ email: person.email, primary: true, verified: true }]);
    }
    if (api === "/user/orgs")
      return send(
        response,
        200,
        person.orgs.map((login) => ({ login })),
      );
    const membership = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(api);
    if (membership) {
      const [, org, team, login] = membership;
      const member = people.get(login ?? "");
      const active = member?.teams.includes(`${org}/${team}`) && person.orgs.includes(org ?? "");
      return active
        ? send(response, 200, { state: "active", role: "member" })
        : send(response, 404, { message: "Not Found" });
    }
    return send(response, 404, { message: "Not Found" });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) =>
      send(response, 500, { message: String(error) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    apiUrl: `${base}/api/v3`,
    requestedScopes,
    person(login) {
      const found = people.get(login);
      if (!found) throw new Error(`the double has no ${login}`);
      return found;
    },
    revokeTokens(login) {
      for (const [token, owner] of tokens) if (owner === login) tokens.delete(token);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function authorizePage(params: URLSearchParams, logins: string[]): string {
  const links = logins.map((login) => {
    const grant = new URLSearchParams({
      login,
      redirect_uri: params.get("redirect_uri") ?? "",
      state: params.get("state") ?? "",
    });
    return `<li><a href="/login/oauth/authorize/grant?${grant}">Continue as ${login}</a></li>`;
  });
  return `<!doctype html><title>GitHub double: authorize</title><h1>Authorize the Foundry console</h1><ul>${links.join("")}</ul>`;
}

function basicCredentials(request: IncomingMessage): [string | undefined, string | undefined] {
  const header = request.headers.authorization ?? "";
  if (!header.startsWith("Basic ")) return [undefined, undefined];
  const [id, secret] = Buffer.from(header.slice(6), "base64").toString().split(":");
  return [id && decodeURIComponent(id), secret && decodeURIComponent(secret)];
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

function html(response: ServerResponse, body: string): void {
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(body);
}
