import type { Metadata } from "next";
import { FluxEvents } from "@/components/gitops/flux-events";
import { FluxPanels } from "@/components/gitops/flux-panels";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { recentWebhookEvents } from "@/lib/events/event-views";
import { gitopsView } from "@/lib/k8s/read/gitops-view";
import { reconcileNow } from "./actions";
import { sharedParts } from "@/lib/runtime/shared";

export const metadata: Metadata = { title: "GitOps" };

export default async function GitOpsPage() {
  const actor = await currentActor();
  const events = await recentWebhookEvents({ source: "flux", limit: 25 }, sharedParts().db);
  return (
    <>
      <PageHeader title="GitOps">
        What Flux fetched from Git and applied to the cluster, live.
      </PageHeader>
      <section aria-label="Recent Flux events" className="mb-8">
        <h2 className="mb-2 text-base font-semibold">Recent Flux events</h2>
        <FluxEvents initial={events} />
      </section>
      <FluxPanels
        initial={gitopsView(sharedParts().cluster)}
        canReconcile={hasRole(actor, "operator")}
        action={reconcileNow}
      />
    </>
  );
}
