import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/activity/audit-table";
import { Fact, StatCard } from "@/components/overview/stat-card";
import { PageHeader } from "@/components/ui/page-header";
import { ShortSha } from "@/components/ui/short-sha";
import { StatusBadge } from "@/components/ui/status-badge";
import { listAuditEntries } from "@/lib/audit/prisma-audit-log";
import { ClusterSummary } from "@/components/overview/cluster-summary";
import { RecentEvents } from "@/components/overview/recent-events";
import { ProvisioningChart } from "@/components/timeline/provisioning-chart";
import { liveViews } from "@/lib/live-views";
import { consoleAddressNotice } from "@/lib/status/console-address-notice";
import { databaseSummary } from "@/lib/status/database-summary";
import { repositoryCommitHref } from "@/lib/status/repository-commit-href";
import { repositorySummary } from "@/lib/status/repository-summary";
import { currentActor } from "@/lib/auth/current-actor";
import { sharedParts } from "@/lib/runtime/shared";
import { RefreshOn } from "@/components/live/refresh-on";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await currentActor();
  const [repository, database, recent, overview, events, durations] = await Promise.all([
    repositorySummary(),
    databaseSummary(),
    listAuditEntries({ limit: 5 }, sharedParts().db),
    liveViews.overview(),
    liveViews["recent-events"](),
    liveViews.durations(),
  ]);
  const addressNotice = consoleAddressNotice();
  return (
    <>
      <RefreshOn keys={["activity", "git"]} />
      <PageHeader title="Overview">Your bare-metal cloud at a glance.</PageHeader>
      {addressNotice ? (
        <p
          role="note"
          data-testid="console-address-notice"
          className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          {addressNotice}
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-3">
        <StatCard title="GitOps repository">
          <Fact label="Remote">{repository.remote}</Fact>
          <Fact label="Branch">{repository.branch}</Fact>
          <Fact label="Changes are">
            {repository.mode === "push" ? "pushed to the branch" : "opened as pull requests"}
          </Fact>
          {repository.head.ok ? (
            <>
              <Fact label="Head">
                <ShortSha sha={repository.head.sha} href={repository.head.href} />
              </Fact>
              <Fact label={`Files under ${repository.manifestsPath}/`}>
                {repository.head.files}
              </Fact>
            </>
          ) : (
            <StatusBadge status="failed" label="Unreachable" detail={repository.head.reason} />
          )}
        </StatCard>
        <StatCard title="Database">
          <Fact label="Engine">{database.engine}</Fact>
          <Fact label="State">
            {database.health.ok ? (
              <StatusBadge status="ready" label="Connected" />
            ) : (
              <StatusBadge status="failed" label="Unreachable" detail={database.health.reason} />
            )}
          </Fact>
        </StatCard>
        <ClusterSummary initial={overview} />
      </div>
      <div className="mt-8 grid gap-6 md:grid-cols-2">
        <section className="min-w-0" aria-label="Recent events">
          <h2 className="mb-3 text-base font-semibold">Recent events</h2>
          <RecentEvents initial={events} />
        </section>
        <section className="min-w-0" aria-label="Provisioning durations">
          <h2 className="mb-3 text-base font-semibold">Provisioning durations, last servers</h2>
          <ProvisioningChart rows={durations} />
        </section>
      </div>
      <section className="mt-8" aria-label="Recent activity">
        <div className="mb-3 flex items-baseline justify-between">
          <h2 className="text-base font-semibold">Recent activity</h2>
          <Link href="/activity" className="text-sm underline underline-offset-2">
            All activity
          </Link>
        </div>
        {recent.entries.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            No actions yet. Each action taken here will show with its commit.
          </p>
        ) : (
          <AuditTable entries={recent.entries} commitHref={repositoryCommitHref} />
        )}
      </section>
    </>
  );
}
