import { expect, test } from "@playwright/test";

/*
 * The built console with the local admin's session cookie: a change that cookie would
 * authenticate (a server action, a JSON write) is refused unless it comes from the console's
 * own origin, whatever Host or X-Forwarded-Host the sender chose.
 */
test("a change carrying the session cookie but no Origin, or another site's, is refused", async ({
  request,
  baseURL,
}) => {
  const action = {
    "next-action": "7f00000000000000000000000000000000000000",
    "content-type": "text/plain",
  };
  const noOrigin = await request.post("/servers/new", { headers: action, data: "[]" });
  expect(noOrigin.status()).toBe(403);
  expect(await noOrigin.json()).toEqual({ error: "Cross-site request refused" });
  const evil = await request.post("/servers/new", {
    headers: { ...action, origin: "https://evil.example", "x-forwarded-host": "evil.example" },
    data: "[]",
  });
  expect(evil.status()).toBe(403);
  const json = await request.post("/api/servers", {
    headers: { origin: "https://evil.example" },
    data: { name: "sneaky" },
  });
  expect(json.status()).toBe(403);
  // The console's own origin gets past this check, on to the route's own (here: the input's).
  const own = await request.post("/api/servers", {
    headers: { origin: baseURL ?? "" },
    data: { name: "../etc" },
  });
  expect(own.status()).toBe(400);
});

test("a method the console does not serve gets 405, not an internal error", async ({ request }) => {
  const trace = await request.fetch("/", { method: "TRACE" });
  expect(trace.status()).toBe(405);
  expect(trace.headers().allow).toContain("GET");
});
