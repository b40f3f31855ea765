import { expect, test } from "@playwright/test";

/*
 * The built console, started as scripts/up.sh starts it: no trusted proxies. A client that
 * writes a new X-Forwarded-For on every request is still one client to the rate limits.
 * (No other test here claims first-boot tokens, so this one may spend that limit.)
 */
test("rotating X-Forwarded-For does not get past the enrollment rate limit", async ({
  request,
}) => {
  const statuses: number[] = [];
  for (let i = 0; i < 32; i++) {
    const response = await request.get("/api/enroll/no-such-server/token", {
      headers: { "x-forwarded-for": `198.51.100.${i + 1}` },
    });
    statuses.push(response.status());
  }
  expect(statuses.slice(0, 30)).not.toContain(429);
  expect(statuses.slice(30)).toEqual([429, 429]);
});
