"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { LiveKey } from "@/lib/events/live-keys";
import { liveEventName, type LiveSignal } from "./live-signal";

// A burst of changes (a Workflow stepping, a bulk commit) re-renders the page once, not per event.
const settleMs = 750;

/**
 * For a page rendered on the server: when a live event invalidates one of `keys`, the page is
 * rendered again in place (router.refresh keeps what people typed in its forms).
 */
export function RefreshOn({ keys }: { keys: readonly LiveKey[] }) {
  const router = useRouter();
  // A page passes a new array on every render; the subscription must outlive re-renders.
  const wanted = keys.join(" ");
  useEffect(() => {
    const listened = wanted.split(" ");
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onLive = (event: Event) => {
      const { keys: invalidated, everything } = (event as CustomEvent<LiveSignal>).detail;
      if (!everything && !invalidated.some((key) => listened.includes(key))) return;
      timer ??= setTimeout(() => {
        timer = undefined;
        router.refresh();
      }, settleMs);
    };
    window.addEventListener(liveEventName, onLive);
    return () => {
      window.removeEventListener(liveEventName, onLive);
      if (timer) clearTimeout(timer);
    };
  }, [wanted, router]);
  return null;
}
