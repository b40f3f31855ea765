import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cidrSet } from "@/lib/settings/source-cidrs";
import { clientAddress } from "@/lib/http/client-address";
import { rateLimitFor } from "@/lib/http/rate-limits";
import { trustForwardedFor } from "@/lib/http/trusted-forwarded-for";

describe("the client's address", () => {
  it("is the socket's peer when that peer is no trusted proxy, whatever the header says", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1, 10.0.0.1", cidrSet([]))).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", undefined, cidrSet(["10.42.0.0/16"]))).toBe(
      "203.0.113.9",
    );
  });

  it("is the nearest hop a trusted proxy vouches for, never one further left", () => {
    const trusted = cidrSet(["10.42.0.0/16"]);
    expect(clientAddress("10.42.0.7", "198.51.100.1, 203.0.113.9", trusted)).toBe("203.0.113.9");
    expect(clientAddress("10.42.0.7", "203.0.113.9, 10.42.1.3", trusted)).toBe("203.0.113.9");
    // A hop that is no address stops the walk at the last proxy, which is then the client.
    expect(clientAddress("10.42.0.7", "203.0.113.9, not-an-ip", trusted)).toBe("10.42.0.7");
    expect(clientAddress("10.42.0.7", undefined, trusted)).toBe("10.42.0.7");
  });
});

// A real Node HTTP server and real sockets on loopback, as Next's standalone server has them.
describe("X-Forwarded-For, rewritten before the request is handled", () => {
  let server: Server;
  let seen: string[] = [];
  let port = 0;
  beforeAll(async () => {
    trustForwardedFor(["127.0.0.2/32"]);
    server = createServer((request, response) => {
      const forwarded = String(request.headers["x-forwarded-for"]);
      seen.push(forwarded);
      void rateLimitFor("POST", "/api/webhooks/github", forwarded).then((limited) =>
        response.writeHead(limited ? 429 : 202).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (forwardedFor: string) =>
    fetch(`http://127.0.0.1:${port}/`, {
      method: "POST",
      headers: { "x-forwarded-for": forwardedFor },
    });

  it("names the socket's peer, so rotating the header does not get past a rate limit", async () => {
    seen = [];
    const statuses: number[] = [];
    for (let i = 0; i < 125; i++) statuses.push((await post(`198.51.100.${i % 250}`)).status);
    expect(new Set(seen)).toEqual(new Set(["127.0.0.1"]));
    expect(statuses.slice(0, 120).every((s) => s === 202)).toBe(true);
    expect(statuses.slice(120)).toEqual([429, 429, 429, 429, 429]);
  });

  it("believes a trusted proxy's last hop, and only that", async () => {
    seen = [];
    const fromProxy = (forwardedFor: string) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(
          {
            host: "127.0.0.1",
            port,
            method: "GET",
            path: "/",
            localAddress: "127.0.0.2",
            headers: { "x-forwarded-for": forwardedFor },
          },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on("error", reject).end();
      });
    await fromProxy("192.0.2.50, 198.51.100.7");
    expect(seen).toEqual(["198.51.100.7"]);
  });
});
