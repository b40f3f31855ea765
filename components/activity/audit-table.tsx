import Link from "next/link";
import type { AuditEntryView } from "@/lib/audit/prisma-audit-log";
import { RelativeTime } from "@/components/ui/relative-time";
import { ShortSha } from "@/components/ui/short-sha";
import { AuditStatus } from "./audit-status";
import { ScrollRegion } from "@/components/ui/scroll-region";

export function AuditTable({
  entries,
  commitHref,
}: {
  entries: AuditEntryView[];
  commitHref: (sha: string) => string | undefined;
}) {
  return (
    <ScrollRegion
      label="Activity"
      className="rounded-lg border border-zinc-200 dark:border-zinc-800"
    >
      <table className="w-full text-left text-sm">
        <thead className="sticky top-0 bg-zinc-50 text-xs uppercase text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              When
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Who
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Action
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Target
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Commit
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="whitespace-nowrap px-3 py-2">
                <RelativeTime date={entry.createdAt} />
              </td>
              <td className="px-3 py-2" title={entry.actor.name ?? undefined}>
                {entry.actor.login}
              </td>
              <td className="px-3 py-2 font-mono text-xs">
                <Link
                  href={`/activity/${entry.requestId}`}
                  className="underline decoration-dotted underline-offset-2"
                  title="The request's timeline"
                >
                  {entry.action}
                </Link>
              </td>
              <td className="max-w-md truncate px-3 py-2" title={entry.target}>
                {entry.target}
              </td>
              <td className="px-3 py-2">
                <AuditStatus status={entry.status} error={entry.error} />
                {entry.error ? (
                  <p className="mt-0.5 max-w-xs truncate text-xs text-zinc-500" title={entry.error}>
                    {entry.error}
                  </p>
                ) : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {entry.pullRequestUrl ? (
                  <a href={entry.pullRequestUrl} className="underline underline-offset-2">
                    pull request
                  </a>
                ) : entry.commitSha ? (
                  <ShortSha sha={entry.commitSha} href={commitHref(entry.commitSha)} />
                ) : (
                  <span className="text-zinc-400">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
