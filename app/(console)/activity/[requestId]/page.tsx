import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LiveTimeline } from "@/components/timeline/live-timeline";
import { PageHeader } from "@/components/ui/page-header";
import { isDomainError } from "@/lib/errors";
import { requestTimeline } from "@/lib/timeline/request-timeline";
import { currentActor } from "@/lib/auth/current-actor";
import { sharedParts } from "@/lib/runtime/shared";

export const metadata: Metadata = { title: "Request" };

export default async function RequestPage({ params }: { params: Promise<{ requestId: string }> }) {
  await currentActor();
  const { requestId } = await params;
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(requestId)) notFound();
  const timeline = await requestTimeline(requestId, sharedParts()).catch((error: unknown) => {
    if (isDomainError(error) && error.kind === "not-found") notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title={timeline.subject}>
        Request <code className="font-mono text-xs">{requestId}</code>: from the click to the node,
        each step with its time.
      </PageHeader>
      <LiveTimeline of="request" id={requestId} initial={timeline} />
      <p className="mt-6 text-sm">
        <Link href="/activity" className="underline underline-offset-2">
          All activity
        </Link>
      </p>
    </>
  );
}
