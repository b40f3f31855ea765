import type { Metadata } from "next";
import { CloudView } from "@/components/cloud/cloud-view";
import { PageHeader } from "@/components/ui/page-header";
import { cloudOverview } from "@/lib/oci/cached-cloud-overview";
import { currentActor } from "@/lib/auth/current-actor";

export const metadata: Metadata = { title: "Cloud" };

export default async function CloudPage() {
  await currentActor();
  const overview = await cloudOverview();
  return (
    <>
      <PageHeader title="Cloud">
        Your Oracle Cloud Always Free usage, and anything that would cost money.
      </PageHeader>
      <CloudView overview={overview} />
    </>
  );
}
