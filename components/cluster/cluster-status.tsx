"use client";

import { useLiveView } from "@/components/live/use-live-view";
import { StatusBadge, type Status } from "@/components/ui/status-badge";
import type { ClusterConnection } from "@/lib/k8s/connection";

const tone: Record<ClusterConnection["state"], Status> = {
  "not-configured": "unknown",
  connecting: "progressing",
  connected: "ready",
  unreachable: "failed",
  forbidden: "failed",
};

/** The header's cluster badge, live. */
export function ClusterStatus({ initial }: { initial: ClusterConnection }) {
  const { data } = useLiveView("connection", initial);
  return <StatusBadge status={tone[data.state]} label={data.label} detail={data.detail} />;
}
