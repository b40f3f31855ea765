import { beforeEach, expect, it, vi } from "vitest";

const calls = vi.hoisted(() => ({
  claim: [] as unknown[],
  exchange: [] as unknown[],
  fail: undefined as Error | undefined,
}));

vi.mock("@/lib/runtime/enrollment", () => ({ enrollmentParts: () => ({}) }));
vi.mock("@/lib/enrollment/claim-enrollment-token", () => ({
  claimEnrollmentToken: async (request: unknown) => {
    calls.claim.push(request);
    if (calls.fail) throw calls.fail;
    return { token: "t".repeat(43), expiresAt: new Date() };
  },
}));
vi.mock("@/lib/enrollment/exchange-enrollment-token", () => ({
  exchangeEnrollmentToken: async (request: unknown) => {
    calls.exchange.push(request);
    if (calls.fail) throw calls.fail;
    return {
      tailscaleAuthKey: "tskey-auth-x",
      k3sToken: "abcdef.0123456789abcdef",
      k3sUrl: "https://cp:6443",
      k3sVersion: "v1.33.5+k3s1",
    };
  },
}));

const { GET } = await import("@/app/api/enroll/[server]/token/route");
const { POST } = await import("@/app/api/enroll/[server]/route");
const { isPublicPath } = await import("@/lib/auth/public-routes");
const { rateLimitFor } = await import("@/lib/http/rate-limits");
const { ConflictError, UnavailableError } = await import("@/lib/errors");

const params = (server: string) => ({ params: Promise.resolve({ server }) });

beforeEach(() => {
  calls.claim.length = 0;
  calls.exchange.length = 0;
  calls.fail = undefined;
});

it("is on the public list and rate limited", async () => {
  expect(isPublicPath("/api/enroll/rack1-node3/token")).toBe(true);
  expect(isPublicPath("/api/enrollment")).toBe(false);
  const client = `test-${Math.random()}`;
  const limited = [];
  for (let hit = 0; hit < 31; hit += 1) {
    limited.push(await rateLimitFor("GET", "/api/enroll/rack1-node3/token", client));
  }
  expect(limited.slice(0, 30).every((result) => result === undefined)).toBe(true);
  expect(limited[30]?.retryAfterSeconds).toBeGreaterThan(0);
});

it("answers the claimed token as uncached text, and a second claim as 409", async () => {
  const response = await GET(
    new Request("http://console/api/enroll/rack1-node3/token?generation=2", {
      headers: { "X-Foundry-Claim": "c".repeat(43) },
    }),
    params("rack1-node3"),
  );
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(await response.text()).toBe("t".repeat(43));
  // The install's claim secret reaches the verb, which checks it.
  expect(calls.claim[0]).toMatchObject({
    input: { server: "rack1-node3", generation: "2", claimSecret: "c".repeat(43) },
  });
  const forwarded = { headers: { "X-Forwarded-For": "10.9.9.9, 203.0.113.7" } };
  await GET(
    new Request("http://console/api/enroll/rack1-node3/token?generation=2", forwarded),
    params("rack1-node3"),
  );
  expect(calls.claim[1]).toMatchObject({ input: { from: "203.0.113.7" } });
  calls.fail = new ConflictError("already claimed");
  expect(
    (
      await GET(
        new Request("http://console/api/enroll/rack1-node3/token?generation=2"),
        params("rack1-node3"),
      )
    ).status,
  ).toBe(409);
});

it("asks for a bearer (401) before anything else, and maps 503", async () => {
  const bare = await POST(
    new Request("http://console/api/enroll/rack1-node3", { method: "POST" }),
    params("rack1-node3"),
  );
  expect(bare.status).toBe(401);
  expect(bare.headers.get("www-authenticate")).toMatch(/^Bearer/);
  expect(calls.exchange).toHaveLength(0);
  const headers = { Authorization: `Bearer ${"a".repeat(43)}` };
  const ok = await POST(
    new Request("http://console/api/enroll/rack1-node3", { method: "POST", headers }),
    params("rack1-node3"),
  );
  expect(ok.status).toBe(200);
  expect(ok.headers.get("cache-control")).toBe("no-store");
  expect(await ok.json()).toEqual({
    tailscaleAuthKey: "tskey-auth-x",
    k3sToken: "abcdef.0123456789abcdef",
    k3sUrl: "https://cp:6443",
    k3sVersion: "v1.33.5+k3s1",
  });
  calls.fail = new UnavailableError("not configured");
  const down = await POST(
    new Request("http://console/api/enroll/rack1-node3", { method: "POST", headers }),
    params("rack1-node3"),
  );
  expect(down.status).toBe(503);
});
