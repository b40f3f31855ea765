import { describe, expect, it } from "vitest";
import { rateLimiter, tooManyRequests } from "@/lib/http/rate-limiter";

function clock(start = 0) {
  let at = start;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

describe("rateLimiter", () => {
  it("allows the limit, refuses the next with the seconds left, then resets", () => {
    const time = clock();
    const limiter = rateLimiter({ limit: 3, windowMs: 60_000, now: time.now });
    expect([1, 2, 3].map(() => limiter.hit("10.0.0.1").allowed)).toEqual([true, true, true]);
    time.advance(15_500);
    expect(limiter.hit("10.0.0.1")).toEqual({ allowed: false, retryAfterSeconds: 45 });
    time.advance(44_500);
    expect(limiter.hit("10.0.0.1")).toEqual({ allowed: true });
  });

  it("counts each key apart", () => {
    const limiter = rateLimiter({ limit: 1, windowMs: 1000, now: clock().now });
    expect(limiter.hit("a").allowed).toBe(true);
    expect(limiter.hit("b").allowed).toBe(true);
    expect(limiter.hit("a").allowed).toBe(false);
  });

  it("does not grow without bound when keys are sprayed", () => {
    const time = clock();
    const limiter = rateLimiter({ limit: 1, windowMs: 1000, now: time.now, maxKeys: 2 });
    expect(limiter.hit("a").allowed).toBe(true);
    expect(limiter.hit("a").allowed).toBe(false);
    expect(limiter.hit("b").allowed).toBe(true);
    // Full: a new client is still served (the oldest window is forgotten, nobody is locked out)…
    expect(limiter.hit("c").allowed).toBe(true);
    // …and only two windows are kept: "a" was forgotten, "b" and "c" are still counted.
    expect(limiter.hit("a").allowed).toBe(true);
    expect(limiter.hit("c").allowed).toBe(false);
  });

  it("answers 429 with Retry-After", async () => {
    const response = tooManyRequests(7);
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("7");
    expect(await response.json()).toEqual({ error: expect.stringContaining("Too many requests") });
  });
});
