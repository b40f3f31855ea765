import type { Metadata } from "next";
import { NodesTable } from "@/components/nodes/nodes-table";
import { PageHeader } from "@/components/ui/page-header";
import { nodesView } from "@/lib/k8s/read/nodes-view";
import { currentActor } from "@/lib/auth/current-actor";
import { sharedParts } from "@/lib/runtime/shared";

export const metadata: Metadata = { title: "Nodes" };

export default async function NodesPage() {
  await currentActor();
  return (
    <>
      <PageHeader title="Nodes">The Kubernetes nodes of your K3s cluster, live.</PageHeader>
      <NodesTable initial={nodesView(sharedParts().cluster)} />
    </>
  );
}
