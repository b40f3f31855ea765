"use client";

import { LiveTime } from "@/components/live/live-time";
import { useLiveView } from "@/components/live/use-live-view";
import type { ClusterConnection } from "@/lib/k8s/connection";

/** Shown while the cluster cannot be reached: pages keep the last known state, with its age. */
export function ClusterBanner({ initial }: { initial: ClusterConnection }) {
  const { data } = useLiveView("connection", initial);
  if (data.state !== "unreachable" && data.state !== "forbidden") return null;
  return (
    <div
      role="alert"
      className="border-b border-red-200 bg-red-50 px-6 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <strong>{data.label}.</strong> Showing the last known state
      {data.lastSyncedAt ? (
        <>
          {" "}
          from <LiveTime at={data.lastSyncedAt} />
        </>
      ) : null}
      ; the console reconnects by itself.{" "}
      <span className="text-red-800 dark:text-red-200">{data.detail}</span>
    </div>
  );
}
