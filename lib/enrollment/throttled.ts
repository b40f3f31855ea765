/**
 * Runs `work` at most once per `minIntervalMs`: callers while it runs share that run, callers
 * soon after it started get nothing new (and resolve at once).
 */
export function throttled(
  work: () => Promise<void>,
  { minIntervalMs, now = Date.now }: { minIntervalMs: number; now?: () => number },
): () => Promise<void> {
  let running: Promise<void> | undefined;
  let lastStart = Number.NEGATIVE_INFINITY;
  return () => {
    if (running) return running;
    if (now() - lastStart < minIntervalMs) return Promise.resolve();
    lastStart = now();
    running = work().finally(() => {
      running = undefined;
    });
    return running;
  };
}
