import type { LiveKey } from "@/lib/events/live-keys";

/** The window event LiveUpdates sends for each live event, for what is not a TanStack query. */
export const liveEventName = "foundry:live";

export type LiveSignal = { keys: LiveKey[]; everything: boolean };
