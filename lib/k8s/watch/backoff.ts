export type BackoffOptions = { initialMs: number; maxMs: number };

/** Exponential back-off with full jitter, so many consoles do not retry in lockstep. */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random = Math.random,
): number {
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
