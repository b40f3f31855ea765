import { z } from "zod";

/** How one watched kind stands. `since` is when it entered this phase. */
export type KindPhase =
  | { phase: "starting"; since: Date }
  | { phase: "synced"; since: Date }
  | { phase: "not-installed"; since: Date }
  | { phase: "forbidden"; since: Date; reason: string }
  | { phase: "unreachable"; since: Date; reason: string };

const deletedSchema = z.object({
  metadata: z.object({ name: z.string(), namespace: z.string().optional() }),
});

/**
 * The in-memory copy of one kind: objects parsed once with the kind's zod schema when they
 * arrive, so page loads only reshape. Keeps the last known objects while the cluster is away.
 */
export class KindStore<T extends { metadata: { name: string; namespace?: string | undefined } }> {
  private items = new Map<string, T>();
  private state: KindPhase = { phase: "starting", since: new Date() };
  private listeners = new Set<() => void>();
  /** Bumped on every change; views can cache on it. */
  version = 0;
  /** When the kind was last known to match the cluster (a list, or a live watch). */
  syncedAt: Date | undefined;
  /** Objects the schema refused (counted, never shown half-read). */
  refused = 0;

  constructor(private readonly schema: z.ZodType<T>) {}

  get phase(): KindPhase {
    return this.state;
  }

  all(): T[] {
    return [...this.items.values()];
  }

  get(name: string, namespace?: string): T | undefined {
    return this.items.get(keyOf(name, namespace));
  }

  get size(): number {
    return this.items.size;
  }

  /** A full list: replaces everything, so objects deleted while disconnected disappear. */
  replace(raw: readonly unknown[]): void {
    const next = new Map<string, T>();
    let refused = 0;
    for (const entry of raw) {
      const parsed = this.schema.safeParse(entry);
      if (parsed.success)
        next.set(keyOf(parsed.data.metadata.name, parsed.data.metadata.namespace), parsed.data);
      else refused += 1;
    }
    this.items = next;
    this.refused = refused;
    this.syncedAt = new Date();
    this.changed();
  }

  apply(type: "ADDED" | "MODIFIED" | "DELETED", raw: unknown): void {
    if (type === "DELETED") {
      const deleted = deletedSchema.safeParse(raw);
      if (!deleted.success) return;
      const { name, namespace } = deleted.data.metadata;
      if (this.items.delete(keyOf(name, namespace))) this.changed();
      return;
    }
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) {
      this.refused += 1;
      return;
    }
    this.items.set(keyOf(parsed.data.metadata.name, parsed.data.metadata.namespace), parsed.data);
    this.syncedAt = new Date();
    this.changed();
  }

  /** A kind whose CRD is gone or was never installed holds nothing. */
  clear(): void {
    if (this.items.size === 0) return;
    this.items = new Map();
    this.changed();
  }

  setPhase(next: KindPhase): void {
    const same =
      next.phase === this.state.phase &&
      ("reason" in next ? next.reason : "") === ("reason" in this.state ? this.state.reason : "");
    if (same) return;
    this.state = next;
    if (next.phase === "synced") this.syncedAt = next.since;
    this.changed();
  }

  /** Marks a live watch as current without changing anything (bookmarks). */
  touch(): void {
    this.syncedAt = new Date();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

function keyOf(name: string, namespace: string | undefined): string {
  return namespace ? `${namespace}/${name}` : name;
}
