import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ServerClusterView } from "@/lib/k8s/read/server-cluster-view";
import type { ListQuery, ServerRow } from "@/lib/servers/list-servers";
import { powerWord } from "./bmc-status";
import { hrefWith } from "./list-href";
import { ScrollRegion } from "@/components/ui/scroll-region";

const columns: { key: ListQuery["sort"]; label: string }[] = [
  { key: "name", label: "Name" },
  { key: "hostname", label: "Hostname" },
  { key: "site", label: "Site" },
  { key: "rack", label: "Rack" },
  { key: "arch", label: "Arch" },
  { key: "state", label: "In Git" },
];

/** What the cluster says, in the one status vocabulary; "not seen" until Flux has applied it. */
export function LiveStatus({ view }: { view: ServerClusterView | undefined }) {
  if (view?.node)
    return (
      <StatusBadge
        status={view.node.ready ? "ready" : "failed"}
        label={view.node.ready ? "Node Ready" : "Node not ready"}
      />
    );
  if (view?.workflow) {
    const { workflow } = view;
    const label =
      workflow.state === "running" && workflow.currentIndex
        ? `Installing ${workflow.currentIndex}/${workflow.total}`
        : `Workflow ${workflow.state}`;
    return (
      <StatusBadge status={workflow.tone} label={label} detail={workflow.message ?? undefined} />
    );
  }
  if (view?.hardware) return <StatusBadge status="ready" label="Hardware applied" />;
  return <StatusBadge status="unknown" label="Not seen in cluster" />;
}

export function ServerTable({
  rows,
  live,
  query,
}: {
  rows: ServerRow[];
  live: Map<string, ServerClusterView>;
  query: ListQuery;
}) {
  return (
    <ScrollRegion
      label="Servers"
      className="rounded-lg border border-zinc-200 dark:border-zinc-800"
    >
      <table className="w-full text-left text-sm">
        <thead className="sticky top-0 bg-zinc-50 text-xs uppercase text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            {columns.map((column) => {
              const active = query.sort === column.key;
              const dir = active && query.dir === "asc" ? "desc" : "asc";
              return (
                <th
                  key={column.key}
                  scope="col"
                  className="px-3 py-2 font-medium"
                  aria-sort={
                    active ? (query.dir === "asc" ? "ascending" : "descending") : undefined
                  }
                >
                  <Link href={hrefWith(query, { sort: column.key, dir, page: 1 })}>
                    {column.label}
                    {active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
                  </Link>
                </th>
              );
            })}
            <th scope="col" className="px-3 py-2 font-medium">
              MAC
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Cluster
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Power
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((row) => (
            <tr key={row.name}>
              <td className="px-3 py-2 font-mono">
                <Link className="underline underline-offset-2" href={`/servers/${row.name}`}>
                  {row.name}
                </Link>
              </td>
              <td className="px-3 py-2">{row.hostname}</td>
              <td className="px-3 py-2">{row.site ?? "—"}</td>
              <td className="px-3 py-2">{row.rack ?? "—"}</td>
              <td className="px-3 py-2">{row.arch}</td>
              <td className="px-3 py-2">
                {row.workflow
                  ? `Provisioned (${row.workflow.template}, #${row.workflow.generation})`
                  : "Registered"}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{row.interfaces[0]?.mac}</td>
              <td className="px-3 py-2">
                <LiveStatus view={live.get(row.name)} />
              </td>
              <td className="px-3 py-2" data-testid="power-cell">
                {row.bmc ? powerWord(live.get(row.name)?.bmc) : "no BMC"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
