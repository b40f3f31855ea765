"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { z } from "zod";
import { liveKeys, type LiveKey } from "@/lib/events/live-keys";
import { liveEventName, type LiveSignal } from "./live-signal";

const liveEventSchema = z.object({
  id: z.string(),
  topic: z.string(),
  invalidate: z.array(z.tuple([z.enum(liveKeys)], z.string())),
});

function signal(detail: LiveSignal): void {
  window.dispatchEvent(new CustomEvent<LiveSignal>(liveEventName, { detail }));
}

/**
 * Listens to /api/events and turns each event into TanStack Query invalidations. EventSource
 * reconnects by itself and sends Last-Event-ID, so the server replays what was missed.
 */
export function LiveUpdates() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource("/api/events");
    const onLive = (message: MessageEvent<string>) => {
      let json: unknown;
      try {
        json = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = liveEventSchema.safeParse(json);
      if (!parsed.success) return;
      if (parsed.data.topic === "resync") {
        void queryClient.invalidateQueries();
        signal({ keys: [], everything: true });
        return;
      }
      for (const key of parsed.data.invalidate)
        void queryClient.invalidateQueries({ queryKey: key });
      const keys: LiveKey[] = parsed.data.invalidate.map(([key]) => key);
      signal({ keys, everything: false });
    };
    // Tests and people's tools can see whether the live stream is up.
    source.onopen = () => (document.documentElement.dataset.live = "connected");
    source.onerror = () => (document.documentElement.dataset.live = "reconnecting");
    source.addEventListener("live", onLive);
    return () => {
      source.removeEventListener("live", onLive);
      source.close();
    };
  }, [queryClient]);
  return null;
}
