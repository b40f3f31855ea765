"use client";

import { KindNotice } from "@/components/cluster/kind-notice";
import { LiveTime } from "@/components/live/live-time";
import { useLiveView } from "@/components/live/use-live-view";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import type { NodesView } from "@/lib/k8s/read/nodes-view";
import { ScrollRegion } from "@/components/ui/scroll-region";

function memory(bytes: number | null): string {
  return bytes === null ? "—" : `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}

export function NodesTable({ initial }: { initial: NodesView }) {
  const { data } = useLiveView("nodes", initial);
  if (data.panel.phase === "not-configured") {
    return (
      <EmptyState title="No cluster connected">
        Set KUBECONFIG or run the console in the cluster; every node then appears here.
      </EmptyState>
    );
  }
  return (
    <>
      <KindNotice panel={data.panel} />
      <ScrollRegion
        label="Nodes"
        className="mt-2 rounded-lg border border-zinc-200 dark:border-zinc-800"
      >
        <table className="w-full text-left text-sm">
          <thead className="sticky top-0 bg-zinc-50 text-xs uppercase text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              {[
                "Name",
                "Roles",
                "Status",
                "Conditions",
                "Kubelet",
                "Arch",
                "CPU",
                "Memory",
                "Age",
                "Server",
              ].map((title) => (
                <th key={title} scope="col" className="px-3 py-2 font-medium">
                  {title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {data.nodes.map((node) => (
              <tr key={node.name} data-testid={`node-${node.name}`}>
                <td className="px-3 py-2 font-mono text-xs">{node.name}</td>
                <td className="px-3 py-2">{node.roles.join(", ")}</td>
                <td className="px-3 py-2">
                  <StatusBadge
                    status={node.tone}
                    label={node.statusLabel}
                    detail={node.conditions.find((c) => c.type === "Ready")?.message ?? undefined}
                  />
                </td>
                <td className="px-3 py-2 text-xs">
                  {node.conditions
                    .filter((c) => !c.healthy)
                    .map((c) => (
                      <span
                        key={c.type}
                        className="mr-2 text-red-800 dark:text-red-300"
                        title={c.message ?? undefined}
                      >
                        {c.type}
                      </span>
                    ))}
                  {node.conditions.every((c) => c.healthy) ? (
                    <span className="text-zinc-500">all healthy</span>
                  ) : null}
                </td>
                <td className="px-3 py-2 font-mono text-xs">{node.kubeletVersion ?? "—"}</td>
                <td className="px-3 py-2">{node.arch ?? "—"}</td>
                <td className="px-3 py-2 tabular-nums">{node.cpu ?? "—"}</td>
                <td className="px-3 py-2 tabular-nums">{memory(node.memoryBytes)}</td>
                <td className="whitespace-nowrap px-3 py-2">
                  <LiveTime at={node.createdAt} />
                </td>
                <td className="px-3 py-2 font-mono text-xs">
                  {node.server ?? <span className="text-zinc-400">—</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
