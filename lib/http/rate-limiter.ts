/**
 * A fixed-window counter per key, in memory. Enough for one console process: sign-in and webhook
 * routes are few, and a restart forgetting the counts is harmless.
 */
export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type RateLimiter = { hit(key: string): RateLimitResult };

export function rateLimiter(options: {
  limit: number;
  windowMs: number;
  now?: () => number;
  maxKeys?: number;
}): RateLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const windows = new Map<string, { startedAt: number; count: number }>();

  function prune(at: number): void {
    for (const [key, window] of windows) {
      if (at - window.startedAt >= options.windowMs) windows.delete(key);
    }
  }

  return {
    hit(key) {
      const at = now();
      let window = windows.get(key);
      if (!window || at - window.startedAt >= options.windowMs) {
        if (windows.size >= maxKeys) prune(at);
        // Still full of live windows: someone is spraying keys. Forget the oldest rather than grow,
        // and rather than refuse everyone (webhooks and sign-in would stop for all).
        if (windows.size >= maxKeys) {
          const oldest = windows.keys().next();
          if (!oldest.done) windows.delete(oldest.value);
        }
        windows.delete(key);
        window = { startedAt: at, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= options.limit) return { allowed: true };
      const retryAfterMs = window.startedAt + options.windowMs - at;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
    },
  };
}

export function tooManyRequests(retryAfterSeconds: number): Response {
  return Response.json(
    { error: "Too many requests: wait a moment and try again" },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}
