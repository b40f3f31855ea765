import type { AuditStatus as Status } from "@/lib/audit/types";
import { StatusBadge } from "@/components/ui/status-badge";

const badge = {
  pending: { status: "progressing", label: "Pending" },
  succeeded: { status: "ready", label: "Succeeded" },
  failed: { status: "failed", label: "Failed" },
  refused: { status: "suspended", label: "Refused" },
} as const;

export function AuditStatus({ status, error }: { status: Status; error: string | null }) {
  const { status: look, label } = badge[status];
  return <StatusBadge status={look} label={label} detail={error ?? undefined} />;
}
