"use client";

import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { ClusterStatus } from "@/components/cluster/cluster-status";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ClusterConnection } from "@/lib/k8s/connection";

const checkSchema = z.object({ ok: z.boolean(), reason: z.string().optional() });
const readinessSchema = z.object({
  ready: z.boolean(),
  checks: z.object({ database: checkSchema, git: checkSchema }),
});

async function fetchReadiness() {
  const response = await fetch("/api/ready", { cache: "no-store" });
  return readinessSchema.parse(await response.json());
}

/** Git and cluster connection state in the header; Git from the readiness check, the cluster live. */
export function ConnectionStatus({ cluster }: { cluster: ClusterConnection }) {
  const { data, isError } = useQuery({
    queryKey: ["readiness"],
    queryFn: fetchReadiness,
    refetchInterval: 30_000,
  });
  const git = data?.checks.git;
  return (
    <div className="flex items-center gap-4" aria-live="polite">
      {git ? (
        <StatusBadge
          status={git.ok ? "ready" : "failed"}
          label={git.ok ? "Git connected" : "Git unreachable"}
          detail={git.reason}
        />
      ) : (
        <StatusBadge status="unknown" label={isError ? "Git state unknown" : "Checking Git…"} />
      )}
      <ClusterStatus initial={cluster} />
    </div>
  );
}
