import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Servers" };

export default function ServersPage() {
  return (
    <>
      <PageHeader title="Servers">
        Physical servers, as Tinkerbell Hardware in your GitOps repository.
      </PageHeader>
      <EmptyState title="No servers registered">
        Each server you register becomes a Hardware file under{" "}
        <code>manifests/tinkerbell/hardware/</code>, committed to Git and applied by Flux. This list
        will show each one with its state in the cluster, its workflow progress and the node it
        joined as. Registering servers is not available in this version yet.
      </EmptyState>
    </>
  );
}
