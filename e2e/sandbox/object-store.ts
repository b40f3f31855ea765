import { kindInfo, kindKeys, type KindKey } from "../../lib/k8s/kinds";

export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    resourceVersion?: string;
    uid?: string;
    creationTimestamp?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
};

export type StoredEvent = {
  rv: number;
  type: "ADDED" | "MODIFIED" | "DELETED";
  object: KubeObject;
};

/**
 * The sandbox API server's memory: objects per kind, one resourceVersion counter for all, and a
 * bounded history per kind that watches replay; anything older than the history is "Gone".
 */
export class ObjectStore {
  private objects = new Map<KindKey, Map<string, KubeObject>>();
  private history = new Map<KindKey, StoredEvent[]>();
  private compactedThrough = new Map<KindKey, number>();
  private listeners = new Set<(kind: KindKey, event: StoredEvent) => void>();
  private uidCounter = 0;
  rv = 1;
  readonly installed = new Set<KindKey>();

  constructor(private readonly historyLimit = 20_000) {
    for (const key of kindKeys) {
      this.objects.set(key, new Map());
      this.history.set(key, []);
      this.compactedThrough.set(key, 0);
      this.installed.add(key);
    }
  }

  list(kind: KindKey, namespace?: string): KubeObject[] {
    const all = [...(this.objects.get(kind)?.values() ?? [])];
    return namespace === undefined
      ? all
      : all.filter((o) => (o.metadata.namespace ?? "") === namespace);
  }

  get(kind: KindKey, name: string, namespace?: string): KubeObject | undefined {
    return this.objects.get(kind)?.get(keyOf(name, namespace));
  }

  /** Creates or replaces an object (spec and status as given), bumping its resourceVersion. */
  upsert(kind: KindKey, object: KubeObject): KubeObject {
    const map = this.objects.get(kind);
    if (!map) throw new Error(`unknown kind ${kind}`);
    const key = keyOf(object.metadata.name, object.metadata.namespace);
    const existing = map.get(key);
    const info = kindInfo[kind];
    this.rv += 1;
    const stored: KubeObject = {
      ...object,
      apiVersion: info.group === "" ? info.version : `${info.group}/${info.version}`,
      kind: info.kind,
      metadata: {
        ...object.metadata,
        uid: existing?.metadata.uid ?? `sandbox-${++this.uidCounter}`,
        creationTimestamp:
          existing?.metadata.creationTimestamp ??
          object.metadata.creationTimestamp ??
          new Date().toISOString(),
        generation: object.metadata.generation ?? existing?.metadata.generation ?? 1,
        resourceVersion: String(this.rv),
      },
    };
    map.set(key, stored);
    this.record(kind, { rv: this.rv, type: existing ? "MODIFIED" : "ADDED", object: stored });
    return stored;
  }

  remove(kind: KindKey, name: string, namespace?: string): boolean {
    const map = this.objects.get(kind);
    const existing = map?.get(keyOf(name, namespace));
    if (!map || !existing) return false;
    map.delete(keyOf(name, namespace));
    this.rv += 1;
    this.record(kind, {
      rv: this.rv,
      type: "DELETED",
      object: { ...existing, metadata: { ...existing.metadata, resourceVersion: String(this.rv) } },
    });
    return true;
  }

  /** Events after `rv`, or "gone" when the history no longer reaches back that far. */
  eventsAfter(kind: KindKey, rv: number): StoredEvent[] | "gone" {
    if (rv < (this.compactedThrough.get(kind) ?? 0)) return "gone";
    return (this.history.get(kind) ?? []).filter((event) => event.rv > rv);
  }

  /** Forgets every kind's history, as etcd compaction does: older watches get 410 Gone. */
  compact(): void {
    for (const key of kindKeys) {
      this.history.set(key, []);
      this.compactedThrough.set(key, this.rv);
    }
  }

  onEvent(listener: (kind: KindKey, event: StoredEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private record(kind: KindKey, event: StoredEvent): void {
    const history = this.history.get(kind) ?? [];
    history.push(event);
    if (history.length > this.historyLimit) {
      const dropped = history.splice(0, history.length - this.historyLimit);
      this.compactedThrough.set(kind, dropped.at(-1)?.rv ?? 0);
    }
    this.history.set(kind, history);
    for (const listener of this.listeners) listener(kind, event);
  }
}

function keyOf(name: string, namespace: string | undefined): string {
  return namespace ? `${namespace}/${name}` : name;
}
