import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Cloud" };

export default function CloudPage() {
  return (
    <>
      <PageHeader title="Cloud">Your Oracle Cloud Always Free usage.</PageHeader>
      <EmptyState title="Oracle Cloud is not connected">
        This page will show your compute instances, volumes, buckets and load balancers against the
        Always Free limits, and flag anything that costs money.
      </EmptyState>
    </>
  );
}
