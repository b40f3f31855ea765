import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AuditTable } from "@/components/activity/audit-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditEntries } from "@/lib/audit/prisma-audit-log";
import { currentActor } from "@/lib/auth/current-actor";
import { repositoryCommitHref } from "@/lib/status/repository-commit-href";
import { sharedParts } from "@/lib/runtime/shared";
import { RefreshOn } from "@/components/live/refresh-on";

export const metadata: Metadata = { title: "Activity" };

const searchParamsSchema = z.object({
  cursor: z.string().min(1).max(64).optional().catch(undefined),
});

export default async function ActivityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await currentActor();
  const { cursor } = searchParamsSchema.parse(await searchParams);
  const page = await listAuditEntries({ limit: 50, cursor }, sharedParts().db);
  return (
    <>
      <RefreshOn keys={["activity"]} />
      <PageHeader title="Activity">
        Every action taken through the console: who, when, what, and the commit it became.
      </PageHeader>
      {page.entries.length === 0 ? (
        <EmptyState title="No activity yet">
          Actions taken through the console appear here with the person who took them, their outcome
          and a link to the commit or pull request they became.
        </EmptyState>
      ) : (
        <>
          <AuditTable entries={page.entries} commitHref={repositoryCommitHref} />
          <nav aria-label="Activity pages" className="mt-4 flex gap-4 text-sm">
            {cursor ? <Link href="/activity">Newest</Link> : null}
            {page.nextCursor ? (
              <Link href={`/activity?cursor=${encodeURIComponent(page.nextCursor)}`}>Older</Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
