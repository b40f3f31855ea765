"use client";

import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { StatusBadge } from "@/components/ui/status-badge";

const checkSchema = z.object({ ok: z.boolean(), reason: z.string().optional() });
const readinessSchema = z.object({
  ready: z.boolean(),
  checks: z.object({ database: checkSchema, git: checkSchema }),
});

async function fetchReadiness() {
  const response = await fetch("/api/ready", { cache: "no-store" });
  return readinessSchema.parse(await response.json());
}

/** Git and cluster connection state in the header; Git comes from the readiness check. */
export function ConnectionStatus({ cluster }: { cluster: { label: string; detail: string } }) {
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
        <StatusBadge
          status="unknown"
          label={isError ? "Git state unknown" : "Checking Git…"}
        />
      )}
      <StatusBadge status="unknown" label={cluster.label} detail={cluster.detail} />
    </div>
  );
}
