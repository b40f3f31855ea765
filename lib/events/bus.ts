import type { Invalidation } from "./live-keys";

export type LiveTopic = "cluster" | "flux" | "git" | "activity" | "resync";

/** What browsers receive: which TanStack Query keys to invalidate, and a line for people. */
export type LiveEvent = {
  id: string;
  topic: LiveTopic;
  invalidate: readonly Invalidation[];
  summary: string | null;
  at: string;
};

export type LiveEventInput = Omit<LiveEvent, "id" | "at">;

export type EventBus = {
  /** Fire and forget: a live update that cannot be sent is logged, never fails the change. */
  publish(event: LiveEventInput): void;
  subscribe(listener: (event: LiveEvent) => void): () => void;
  /** Events after `lastId` still held, or "resync" when the gap cannot be filled. */
  since(lastId: string): Promise<LiveEvent[] | "resync">;
  /**
   * Runs `prepare` before an event another replica published reaches this one's browsers, e.g.
   * fetching the commit it announces, so what they refetch already shows it. A bus that is one
   * process's memory hears no other replica and never calls it.
   */
  beforeRemote(prepare: (event: LiveEvent) => Promise<void>): void;
};

/** An event id is `<epoch>-<n>`: n grows by one per event within its epoch. */
export function parseEventId(id: string): { epoch: string; seq: number } | undefined {
  const match = /^([a-z0-9]+)-(\d+)$/.exec(id);
  return match?.[1] && match[2] ? { epoch: match[1], seq: Number(match[2]) } : undefined;
}

/**
 * The in-process fan-out to SSE streams. Ids are `<epoch>-<n>`: a browser resuming with an id
 * from before a restart, or older than the ring buffer, is told to refetch everything.
 */
export function createEventBus(
  capacity = 1_000,
  epoch = Date.now().toString(36),
): EventBus & { publish(event: LiveEventInput): LiveEvent } {
  const ring: { seq: number; event: LiveEvent }[] = [];
  const listeners = new Set<(event: LiveEvent) => void>();
  let seq = 0;
  return {
    publish(input) {
      seq += 1;
      const event: LiveEvent = { ...input, id: `${epoch}-${seq}`, at: new Date().toISOString() };
      ring.push({ seq, event });
      if (ring.length > capacity) ring.shift();
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          console.error("events: a subscriber failed", error);
        }
      }
      return event;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    beforeRemote() {},
    async since(lastId) {
      const parsed = parseEventId(lastId);
      if (parsed?.epoch !== epoch) return "resync";
      const last = parsed.seq;
      const oldest = ring[0]?.seq ?? seq + 1;
      if (last < oldest - 1 || last > seq) return "resync";
      return ring.filter((entry) => entry.seq > last).map((entry) => entry.event);
    },
  };
}
