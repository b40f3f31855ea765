import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "GitOps" };

export default function GitOpsPage() {
  return (
    <>
      <PageHeader title="GitOps">What Flux fetched from Git and applied to the cluster.</PageHeader>
      <EmptyState title="No Flux state yet">
        Once the console watches your cluster, Flux sources, Kustomizations and HelmReleases appear
        here with their readiness, revision, last applied revision and message.
      </EmptyState>
    </>
  );
}
