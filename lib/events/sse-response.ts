import { parseEventId, type EventBus, type LiveEvent } from "./bus";

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
  // The replay is bounded by the bus's capacity and sent before anyone can read: never cut for it.
  let replaying = true;
  const stream = new ReadableStream<Uint8Array>(
    {
      async start(controller) {
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
        let sentUpTo = lastEventId ? parseEventId(lastEventId) : undefined;
        // An event both replayed and heard live is sent once: ids grow within an epoch.
        const deliver = (event: LiveEvent) => {
          const id = parseEventId(event.id);
          if (id && sentUpTo?.epoch === id.epoch && id.seq <= sentUpTo.seq) return;
          sentUpTo = id;
          send(frame(event));
        };
        // Subscribed before the replay is read, so an event published meanwhile is held, not lost.
        const held: LiveEvent[] = [];
        const unsubscribe = bus.subscribe((event) =>
          replaying ? held.push(event) : deliver(event),
        );
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
        send(encoder.encode(`retry: 2000\n: connected\n\n`));
        if (lastEventId) {
          const missed = await bus.since(lastEventId).catch((error: unknown) => {
            console.warn(
              `events: replay failed: ${error instanceof Error ? error.message : "unknown error"}`,
            );
            return "resync" as const;
          });
          if (missed === "resync") {
            sentUpTo = undefined;
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
          } else for (const event of missed) deliver(event);
        }
        replaying = false;
        for (const event of held.splice(0)) deliver(event);
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
