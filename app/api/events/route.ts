import { withRole } from "@/lib/auth/with-role";
import { eventBus } from "@/lib/events/bus";
import { sseResponse } from "@/lib/events/sse-response";

/** Live updates for signed-in people: Server-Sent Events, resumable with Last-Event-ID. */
export const GET = withRole("viewer", async (request: Request) =>
  sseResponse({
    bus: eventBus(),
    lastEventId:
      request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId"),
    signal: request.signal,
  }),
);
