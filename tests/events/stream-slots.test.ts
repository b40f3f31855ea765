import { describe, expect, it } from "vitest";
import { createEventBus } from "@/lib/events/bus";
import { sseResponse } from "@/lib/events/sse-response";
import { liveStreamsPerPerson, streamSlots } from "@/lib/events/stream-slots";

describe("live streams per person", () => {
  it("gives one person a bounded number of streams and frees a slot when one closes", () => {
    const slots = streamSlots(liveStreamsPerPerson);
    const releases = Array.from({ length: liveStreamsPerPerson }, () => slots.take("ada"));
    expect(releases.every((release) => release !== undefined)).toBe(true);
    expect(slots.take("ada")).toBeUndefined();
    // Someone else is not held back by Ada's tabs.
    expect(slots.take("grace")).toBeDefined();
    releases[0]?.();
    releases[0]?.();
    expect(slots.open("ada")).toBe(liveStreamsPerPerson - 1);
    expect(slots.take("ada")).toBeDefined();
    expect(slots.take("ada")).toBeUndefined();
  });

  it("frees the slot when the browser goes away, however many ways the stream ends", async () => {
    const slots = streamSlots(1);
    const release = slots.take("ada");
    if (!release) throw new Error("no slot");
    const abort = new AbortController();
    const response = sseResponse({
      bus: createEventBus(10, "t"),
      lastEventId: null,
      signal: abort.signal,
      onClose: release,
    });
    expect(slots.open("ada")).toBe(1);
    abort.abort();
    await response.body?.cancel().catch(() => undefined);
    expect(slots.open("ada")).toBe(0);
  });
});
