import { singleton } from "@/lib/singleton";
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

export type EventBus = {
  publish(event: Omit<LiveEvent, "id" | "at">): LiveEvent;
  subscribe(listener: (event: LiveEvent) => void): () => void;
  /** Events after `lastId` still held, or "resync" when the gap cannot be filled from memory. */
  since(lastId: string): LiveEvent[] | "resync";
};

/**
 * The in-process fan-out to SSE streams. Ids are `<epoch>-<n>`: a browser resuming with an id
 * from before a restart, or older than the ring buffer, is told to refetch everything.
 */
export function createEventBus(capacity = 1_000, epoch = Date.now().toString(36)): EventBus {
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
    since(lastId) {
      const match = /^([a-z0-9]+)-(\d+)$/.exec(lastId);
      if (!match || match[1] !== epoch) return "resync";
      const last = Number(match[2]);
      const oldest = ring[0]?.seq ?? seq + 1;
      if (last < oldest - 1 || last > seq) return "resync";
      return ring.filter((entry) => entry.seq > last).map((entry) => entry.event);
    },
  };
}

/** The process's bus. */
export function eventBus(): EventBus {
  return singleton("event-bus", () => createEventBus());
}
