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
  /** Unread bytes a client may fall behind by before its stream is cut (default 1 MiB). */
  maxQueuedBytes?: number;
  /** Called once when the stream ends, however it ends. */
  onClose?: () => void;
}): Response {
  const { bus, lastEventId, signal } = options;
  const maxQueuedBytes = options.maxQueuedBytes ?? 1024 * 1024;
  let cleanup = () => {};
  // The replay is bounded by the bus's ring and sent before anyone can read: never cut for it.
  let replaying = true;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const send = (chunk: Uint8Array) => {
          try {
            controller.enqueue(chunk);
          } catch {
            cleanup();
            return;
          }
          // A client that stops reading would otherwise hold every event from now on in memory.
          // Cutting it drops the queue; the browser reconnects with Last-Event-ID and catches up.
          if (!replaying && (controller.desiredSize ?? 0) < -maxQueuedBytes) {
            controller.error(new Error("the client fell too far behind"));
            cleanup();
          }
        };
        send(encoder.encode(`retry: 2000\n: connected\n\n`));
        if (lastEventId) {
          const missed = bus.since(lastEventId);
          if (missed === "resync") {
            send(
              frame({
                id: lastEventId,
                topic: "resync",
                // A resync invalidates everything; the topic says so.
                invalidate: [],
                summary: null,
                at: new Date().toISOString(),
              }),
            );
          } else for (const event of missed) send(frame(event));
        }
        replaying = false;
        const unsubscribe = bus.subscribe((event) => send(frame(event)));
        const heartbeat = setInterval(
          () => send(encoder.encode(`: heartbeat\n\n`)),
          options.heartbeatMs ?? 15_000,
        );
        cleanup = () => {
          clearInterval(heartbeat);
          unsubscribe();
          options.onClose?.();
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
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
