import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Nodes" };

export default function NodesPage() {
  return (
    <>
      <PageHeader title="Nodes">The Kubernetes nodes of your K3s cluster.</PageHeader>
      <EmptyState title="No cluster connected">
        Once the console watches your cluster, every node appears here with its roles, conditions,
        kubelet version, architecture, capacity, age and the server it was provisioned from.
      </EmptyState>
    </>
  );
}
