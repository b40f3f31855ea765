import { singleton } from "@/lib/singleton";

/** How many live streams one signed-in person may hold open: tabs and windows, not a flood. */
export const liveStreamsPerPerson = 16;

export type StreamSlots = {
  /** A release for the slot taken, or undefined when `key` holds all of them. */
  take(key: string): (() => void) | undefined;
  open(key: string): number;
};

export function streamSlots(limit: number): StreamSlots {
  const open = new Map<string, number>();
  return {
    take(key) {
      const held = open.get(key) ?? 0;
      if (held >= limit) return undefined;
      open.set(key, held + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(key) ?? 1) - 1;
        if (left > 0) open.set(key, left);
        else open.delete(key);
      };
    },
    open: (key) => open.get(key) ?? 0,
  };
}

export function liveStreamSlots(): StreamSlots {
  return singleton("live-stream-slots", () => streamSlots(liveStreamsPerPerson));
}
