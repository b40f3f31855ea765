import { withRole } from "@/lib/auth/with-role";
import { eventBus } from "@/lib/events/process-bus";
import { sseResponse } from "@/lib/events/sse-response";
import { liveStreamSlots, liveStreamsPerPerson } from "@/lib/events/stream-slots";

/** Live updates for signed-in people: Server-Sent Events, resumable with Last-Event-ID. */
export const GET = withRole("viewer", async (request: Request, { actor }) => {
  const release = liveStreamSlots().take(actor.id);
  if (!release) {
    return Response.json(
      { error: `At most ${liveStreamsPerPerson} live streams per person: close a tab` },
      { status: 429, headers: { "retry-after": "30" } },
    );
  }
  return sseResponse({
    bus: eventBus(),
    lastEventId:
      request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId"),
    signal: request.signal,
    onClose: release,
  });
});
