import { describe, expect, it } from "vitest";
import { createEventBus } from "@/lib/events/bus";
import { sseResponse } from "@/lib/events/sse-response";

const big = "x".repeat(8 * 1024);
const publish = (bus: ReturnType<typeof createEventBus>, count: number) => {
  for (let index = 0; index < count; index += 1) {
    bus.publish({ topic: "git", invalidate: [["servers"]], summary: big });
  }
};

function open(maxQueuedBytes: number, lastEventId: string | null = null, missed = 0) {
  const bus = createEventBus(1_000, "t");
  publish(bus, missed);
  let listeners = 0;
  const counted = {
    ...bus,
    subscribe(listener: Parameters<typeof bus.subscribe>[0]) {
      listeners += 1;
      const unsubscribe = bus.subscribe(listener);
      return () => {
        listeners -= 1;
        unsubscribe();
      };
    },
  };
  const abort = new AbortController();
  const response = sseResponse({
    bus: counted,
    lastEventId,
    signal: abort.signal,
    maxQueuedBytes,
  });
  const body = response.body;
  if (body === null) throw new Error("no body");
  return { bus, body, abort, listeners: () => listeners };
}

describe("sseResponse backpressure", () => {
  it("cuts a client that stops reading once it is too far behind, and unsubscribes it", async () => {
    const client = open(256 * 1024);
    const reader = client.body.getReader();
    publish(client.bus, 10);
    expect(client.listeners()).toBe(1);
    publish(client.bus, 100);
    expect(client.listeners()).toBe(0);
    await expect(reader.read()).rejects.toThrow(/fell too far behind/);
    client.abort.abort();
  });

  it("replays what a resuming client missed even when it is more than the bound", async () => {
    const client = open(64 * 1024, "t-1", 40);
    const reader = client.body.getReader();
    expect(client.listeners()).toBe(1);
    const decoder = new TextDecoder();
    let received = "";
    while (!received.includes("id: t-40\n")) {
      const { value } = await reader.read();
      received += decoder.decode(value);
    }
    expect(received).toContain("id: t-2\n");
    client.abort.abort();
  });

  it("keeps a client that reads as events come", async () => {
    const client = open(256 * 1024);
    const reader = client.body.getReader();
    const decoder = new TextDecoder();
    let received = "";
    for (let round = 0; round < 50; round += 1) {
      publish(client.bus, 4);
      for (;;) {
        const { value } = await reader.read();
        received += decoder.decode(value);
        if (received.split("event: live").length - 1 === (round + 1) * 4) break;
      }
    }
    expect(client.listeners()).toBe(1);
    expect(received).toContain("id: t-200\n");
    client.abort.abort();
    expect(client.listeners()).toBe(0);
  });
});
