import type { EventBus, LiveEvent } from "./bus";

const encoder = new TextEncoder();

function frame(event: LiveEvent): Uint8Array {
  return encoder.encode(`id: ${event.id}\nevent: live\ndata: ${JSON.stringify(event)}\n\n`);
}

/**
 * A Server-Sent Events stream of the bus: first what the browser missed since `lastEventId`
 * (or a resync), then live events, with a comment heartbeat so proxies keep it open.
 */
export function sseResponse(options: {
  bus: EventBus;
  lastEventId: string | null;
  signal: AbortSignal;
  heartbeatMs?: number;
}): Response {
  const { bus, lastEventId, signal } = options;
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (chunk: Uint8Array) => {
        try {
          controller.enqueue(chunk);
        } catch {
          cleanup();
        }
      };
      send(encoder.encode(`retry: 2000\n: connected\n\n`));
      if (lastEventId) {
        const missed = bus.since(lastEventId);
        if (missed === "resync") {
          send(frame({ id: lastEventId, topic: "resync", invalidate: [[]], summary: null, at: new Date().toISOString() }));
        } else for (const event of missed) send(frame(event));
      }
      const unsubscribe = bus.subscribe((event) => send(frame(event)));
      const heartbeat = setInterval(() => send(encoder.encode(`: heartbeat\n\n`)), options.heartbeatMs ?? 15_000);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
        cleanup = () => {};
      };
      signal.addEventListener("abort", () => cleanup(), { once: true });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
