/*
 * Long loops over a fleet (a 10,000-row CSV, an inventory parsed afresh) give way every so often,
 * so that other requests, health checks and live streams are answered meanwhile.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Gives way at every `every`th index of a loop (not at the first). */
export async function giveWayAt(index: number, every = 100): Promise<void> {
  if (index > 0 && index % every === 0) await yieldToEventLoop();
}

/** `fn` over `items` in order, giving way to other work after every `every` items. */
export async function mapYielding<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => R,
  every = 100,
): Promise<R[]> {
  const out: R[] = [];
  for (const [index, item] of items.entries()) {
    await giveWayAt(index, every);
    out.push(fn(item, index));
  }
  return out;
}
