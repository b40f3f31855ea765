/**
 * `fn` over `items` with at most `limit` running at once, results in the items' order. Reading
 * every file of a large repository at once ran out of file descriptors (EMFILE), and a write
 * whose check reads the inventory then failed for good.
 *
 * On the first failure no further item is started, and the promise rejects with that failure
 * only once the calls already running have settled: a caller that cleans up after a failed batch
 * of writes must not have writes still landing behind its back.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}
