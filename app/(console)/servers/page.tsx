import type { Metadata } from "next";
import Link from "next/link";
import { ServerFilters } from "@/components/servers/server-filters";
import { ServerTable } from "@/components/servers/server-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { serverClusterViews } from "@/lib/k8s/read/server-cluster-view";
import { serverParts } from "@/lib/runtime/servers";
import { sharedParts } from "@/lib/runtime/shared";
import { listServers } from "@/lib/servers/list-servers";
import { hrefWith } from "@/components/servers/list-href";
import { listQueryOf, type SearchParams } from "./search-params";
import { RefreshOn } from "@/components/live/refresh-on";

export const metadata: Metadata = { title: "Servers" };

export default async function ServersPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await currentActor();
  const query = listQueryOf(await searchParams);
  const list = await listServers({ actor, input: query }, serverParts());
  const live = serverClusterViews(
    list.rows.map((row) => row.name),
    sharedParts().cluster,
  );
  const operator = hasRole(actor, "operator");
  return (
    <>
      <RefreshOn keys={["servers", "git"]} />
      <PageHeader title="Servers">
        Physical servers as Tinkerbell Hardware in Git (at <code>{list.sha.slice(0, 7)}</code>),
        with what the cluster reports about each.
      </PageHeader>
      {operator ? (
        <div className="mb-4 flex gap-3 text-sm">
          <Link
            href="/servers/new"
            className="rounded-md bg-zinc-900 px-3 py-1.5 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900"
          >
            Register a server
          </Link>
          <Link
            href="/servers/bulk"
            className="rounded-md border border-zinc-300 px-3 py-1.5 dark:border-zinc-700"
          >
            Bulk register from CSV
          </Link>
        </div>
      ) : null}
      <ServerFilters query={query} sites={list.sites} />
      {list.total === 0 ? (
        <EmptyState
          title={
            query.q || query.site || query.state || query.arch
              ? "No server matches"
              : "No servers registered"
          }
        >
          Each server you register becomes a Hardware file under{" "}
          <code>manifests/tinkerbell/hardware/</code>, committed to Git and applied by Flux.
        </EmptyState>
      ) : (
        <>
          <ServerTable rows={list.rows} live={live} query={query} />
          <nav aria-label="Server pages" className="mt-4 flex items-center gap-4 text-sm">
            <span>
              {list.total} servers · page {list.page} of {list.pages}
            </span>
            {list.page > 1 ? (
              <Link href={hrefWith(query, { page: list.page - 1 })}>Previous</Link>
            ) : null}
            {list.page < list.pages ? (
              <Link href={hrefWith(query, { page: list.page + 1 })}>Next</Link>
            ) : null}
          </nav>
        </>
      )}
      {list.problems.length > 0 ? (
        <details className="mt-6 text-sm">
          <summary>
            {list.problems.length} file(s) in the repository could not be read as servers
          </summary>
          <ul className="mt-2 list-disc pl-5">
            {list.problems.map((problem) => (
              <li key={problem.path}>
                <code>{problem.path}</code>: {problem.problem}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
