/** Blob text by object id, least recently used first out once the texts pass `maxBytes`. */
export type BlobCache = {
  get(id: string): string | undefined;
  set(id: string, text: string, bytes: number): void;
  readonly bytes: number;
  readonly size: number;
};

export function createBlobCache(maxBytes: number): BlobCache {
  // A Map keeps insertion order: re-inserting on every hit makes its first key the coldest.
  const entries = new Map<string, { text: string; bytes: number }>();
  let total = 0;
  const remove = (id: string) => {
    const entry = entries.get(id);
    if (entry === undefined) return;
    entries.delete(id);
    total -= entry.bytes;
  };
  return {
    get(id) {
      const entry = entries.get(id);
      if (entry === undefined) return undefined;
      entries.delete(id);
      entries.set(id, entry);
      return entry.text;
    },
    set(id, text, bytes) {
      remove(id);
      if (bytes > maxBytes) return;
      entries.set(id, { text, bytes });
      total += bytes;
      for (const coldest of entries.keys()) {
        if (total <= maxBytes) break;
        remove(coldest);
      }
    },
    get bytes() {
      return total;
    },
    get size() {
      return entries.size;
    },
  };
}
