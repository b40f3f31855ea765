"use client";

import { formatRelative } from "@/components/ui/relative-time";

/** A relative time in a client island; the server's and the browser's "now" differ slightly. */
export function LiveTime({ at }: { at: string | null }) {
  if (!at) return <span className="text-zinc-400">—</span>;
  const date = new Date(at);
  // Shown as it is: one value that is no time must not fail the whole page (toISOString throws).
  if (Number.isNaN(date.getTime())) return <span>{at}</span>;
  return (
    <time dateTime={at} title={date.toISOString()} suppressHydrationWarning>
      {formatRelative(date, new Date())}
    </time>
  );
}
