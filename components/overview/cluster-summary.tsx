"use client";

import { LiveTime } from "@/components/live/live-time";
import { useLiveView } from "@/components/live/use-live-view";
import { StatusBadge } from "@/components/ui/status-badge";
import type { LiveView } from "@/lib/live-views";
import { Fact, StatCard } from "./stat-card";

/** Nodes, Flux and Workflows at a glance, plus the webhooks' health; live. */
export function ClusterSummary({ initial }: { initial: LiveView<"overview"> }) {
  const { data } = useLiveView("overview", initial);
  const { nodes, flux, workflows, webhooks, connection } = data;
  return (
    <>
      <StatCard title="Cluster">
        <StatusBadge
          status={
            connection.state === "connected"
              ? "ready"
              : connection.state === "unreachable"
                ? "failed"
                : "unknown"
          }
          label={connection.label}
          detail={connection.detail}
        />
        <Fact label="Nodes ready">
          {connection.state === "not-configured" ? "—" : `${nodes.ready} / ${nodes.total}`}
        </Fact>
        <Fact label="Flux objects ready">{`${flux.ready} / ${flux.total}`}</Fact>
        <Fact label="Flux objects failing">{flux.failing}</Fact>
        <Fact label="Workflows running">{workflows.running}</Fact>
        <Fact label="Workflows failed">{workflows.failed}</Fact>
      </StatCard>
      <StatCard title="Webhooks">
        <Fact label="Flux events">
          {webhooks.flux.configured ? (
            webhooks.flux.lastReceivedAt ? (
              <>
                last <LiveTime at={webhooks.flux.lastReceivedAt} />
              </>
            ) : (
              "none yet"
            )
          ) : (
            "no secret set"
          )}
        </Fact>
        <Fact label="GitHub pushes">
          {webhooks.github.configured ? (
            webhooks.github.lastReceivedAt ? (
              <>
                last <LiveTime at={webhooks.github.lastReceivedAt} />
              </>
            ) : (
              "none yet"
            )
          ) : (
            "no secret set"
          )}
        </Fact>
      </StatCard>
    </>
  );
}
