import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { resetSingleton } from "@/lib/singleton";

function request(
  path: string,
  init: { method?: string; cookie?: string; ip?: string } = {},
): NextRequest {
  const headers = new Headers({ "x-forwarded-for": init.ip ?? "10.0.0.1" });
  if (init.cookie) headers.set("cookie", init.cookie);
  return new NextRequest(`http://127.0.0.1:3000${path}`, { method: init.method ?? "GET", headers });
}

const githubSignIn = {
  AUTH_URL: "https://foundry.example.com",
  GITHUB_CLIENT_ID: "id",
  GITHUB_CLIENT_SECRET: "secret",
  AUTH_SECRET: "a".repeat(44),
  FOUNDRY_ADMINS: "octocat",
};

afterEach(() => {
  for (const name of Object.keys(githubSignIn)) delete process.env[name];
  resetSingleton("proxy-env");
});

describe("proxy", () => {
  it("refuses, in local mode, a request addressed to any name but loopback (DNS rebinding)", async () => {
    const rebound = new NextRequest("http://evil.example:3000/sign-in", {
      headers: { host: "evil.example:3000", "x-forwarded-for": "10.0.0.1" },
    });
    expect((await proxy(rebound)).status).toBe(421);
    const rebindApi = new NextRequest("http://evil.example:3000/api/events", {
      headers: { host: "evil.example:3000", "x-forwarded-for": "10.0.0.1" },
    });
    expect((await proxy(rebindApi)).status).toBe(421);
    for (const host of ["127.0.0.1:3000", "localhost:3000", "[::1]:3000"]) {
      const local = new NextRequest(`http://${host}/sign-in`, {
        headers: { host, "x-forwarded-for": "10.0.0.1" },
      });
      expect((await proxy(local)).status, host).toBe(200);
    }
  });

  it("lets machines reach their token-checked routes under the address they were given (FOUNDRY_PUBLIC_URL)", async () => {
    for (const path of [
      "/api/boot/media/some-token",
      "/api/enroll/rack1-node1/token",
      "/api/webhooks/flux",
    ]) {
      const fromVm = new NextRequest(`http://10.0.2.2:3000${path}`, {
        method: path.endsWith("flux") ? "POST" : "GET",
        headers: { host: "10.0.2.2:3000", "x-forwarded-for": "10.0.0.1" },
      });
      expect((await proxy(fromVm)).status, path).toBe(200);
    }
    const signIn = new NextRequest("http://10.0.2.2:3000/api/auth/callback/local", {
      method: "POST",
      headers: { host: "10.0.2.2:3000", "x-forwarded-for": "10.0.0.1" },
    });
    expect((await proxy(signIn)).status).toBe(421);
  });

  it("sends an anonymous visitor to sign in, remembering a safe way back", async () => {
    const response = await proxy(request("/servers?status=failed"));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.pathname}${location.search}`).toBe(
      "/sign-in?callbackUrl=%2Fservers%3Fstatus%3Dfailed",
    );
  });

  it("answers 401 to an anonymous API call and lets public routes through", async () => {
    expect((await proxy(request("/api/events"))).status).toBe(401);
    expect((await proxy(request("/api/health"))).status).toBe(200);
    expect((await proxy(request("/api/webhooks/flux", { method: "POST" }))).status).toBe(200);
  });

  it("serves the icon, the web app manifest and robots.txt without a session", async () => {
    for (const path of ["/icon.svg", "/manifest.webmanifest", "/robots.txt"]) {
      expect((await proxy(request(path))).status, path).toBe(200);
    }
    expect((await proxy(request("/icon.svg.map"))).status).toBe(307);
  });

  it("sets a fresh nonce CSP and the security headers, without HSTS over http", async () => {
    const first = await proxy(request("/servers", { cookie: "foundry.session=abc" }));
    const second = await proxy(request("/servers", { cookie: "foundry.session=abc" }));
    const csp = first.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(first.headers.get("strict-transport-security")).toBeNull();
  });

  it("adds HSTS and the __Secure- cookie name behind HTTPS", async () => {
    process.env.AUTH_URL = "https://foundry.example.com";
    resetSingleton("proxy-env");
    expect((await proxy(request("/servers", { cookie: "foundry.session=abc" }))).status).toBe(307);
    const response = await proxy(request("/servers", { cookie: "__Secure-foundry.session=abc" }));
    expect(response.headers.get("strict-transport-security")).toContain("max-age=");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("rate-limits sign-in attempts per client with 429 and Retry-After", async () => {
    const attempt = (ip: string) =>
      proxy(request("/api/auth/signin/github", { method: "POST", ip }));
    const statuses: number[] = [];
    for (let hit = 0; hit < 20; hit += 1) statuses.push((await attempt("192.0.2.7")).status);
    expect(statuses.every((status) => status !== 429)).toBe(true);
    const limited = await attempt("192.0.2.7");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await attempt("192.0.2.8")).status).not.toBe(429);
  });

  it("refuses a change the session cookie would authenticate unless it comes from the console's origin", async () => {
    const change = (headers: Record<string, string>, path = "/servers/new") =>
      proxy(
        new NextRequest(`http://127.0.0.1:3000${path}`, {
          method: "POST",
          headers: { cookie: "foundry.session=abc", "next-action": "0123abcd", ...headers },
        }),
      );
    // No Origin at all (a form posted by a script, an old client): no action.
    expect((await change({})).status).toBe(403);
    // Another site, with Host and X-Forwarded-Host made to match it.
    expect(
      (
        await change({
          origin: "https://evil.example",
          host: "127.0.0.1:3000",
          "x-forwarded-host": "evil.example",
        })
      ).status,
    ).toBe(403);
    expect((await change({ origin: "http://127.0.0.1:3000" })).status).not.toBe(403);
    expect((await change({ origin: "http://localhost:3000" })).status).not.toBe(403);
    // Machines' routes carry no cookie and check their own signature or token.
    expect((await change({}, "/api/webhooks/flux")).status).not.toBe(403);
  });

  it("compares the Origin with AUTH_URL, not with a Host the client chose (GitHub sign-in)", async () => {
    Object.assign(process.env, githubSignIn);
    resetSingleton("proxy-env");
    const post = async (origin: string, host: string) =>
      (
        await proxy(
          new NextRequest(`https://${host}/servers/new`, {
            method: "POST",
            headers: {
              cookie: "__Secure-foundry.session=abc",
              origin,
              host,
              "x-forwarded-host": host,
            },
          }),
        )
      ).status;
    expect(await post("https://evil.example", "evil.example")).toBe(403);
    expect(await post("https://foundry.example.com", "foundry.example.com")).not.toBe(403);
  });
});
