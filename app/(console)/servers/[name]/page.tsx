import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BootMediaLink } from "@/components/boot-media/boot-media-link";
import { BmcStatus } from "@/components/servers/bmc-status";
import { DecommissionForm } from "@/components/servers/decommission-form";
import { Decommissioned } from "@/components/servers/decommissioned";
import { OperatorOnly } from "@/components/servers/operator-only";
import { PowerForm } from "@/components/servers/power-form";
import { ProvisionForm } from "@/components/servers/provision-form";
import { LiveStatus } from "@/components/servers/server-table";
import { ServerTimeline } from "@/components/timeline/live-timeline";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { serverClusterView } from "@/lib/k8s/read/server-cluster-view";
import { serverParts } from "@/lib/runtime/servers";
import { sharedParts } from "@/lib/runtime/shared";
import { getServer } from "@/lib/servers/get-server";
import { installState } from "@/lib/servers/install-state";
import { lastDecommission } from "@/lib/servers/last-decommission";
import { serverTimeline } from "@/lib/timeline/server-timeline";
import {
  decommissionServerAction,
  powerServerAction,
  provisionServerAction,
  reprovisionServerAction,
} from "../actions";
import { currentActor } from "@/lib/auth/current-actor";
import { RefreshOn } from "@/components/live/refresh-on";

export const metadata: Metadata = { title: "Server" };

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1 text-sm">
      <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="col-span-2">{children}</dd>
    </div>
  );
}

export default async function ServerPage({ params }: { params: Promise<{ name: string }> }) {
  const actor = await currentActor();
  const input = { name: (await params).name };
  const detail = await getServer({ actor, input }, serverParts());
  if (!detail) {
    const gone = await lastDecommission({ actor, input }, sharedParts());
    if (!gone) notFound();
    return (
      <Decommissioned
        name={gone.name}
        decommission={gone}
        timeline={await serverTimeline(gone.name, sharedParts())}
      />
    );
  }
  const { server } = detail;
  const live = serverClusterView(server.name, sharedParts().cluster);
  const timeline = await serverTimeline(server.name, sharedParts());
  const provisioned = server.workflow !== undefined;
  return (
    <>
      <RefreshOn keys={["servers", "git"]} />
      <PageHeader title={server.name}>
        {server.hostname} · {server.arch} · {server.firmware.toUpperCase()} ·{" "}
        {server.site ?? "no site"} / {server.rack ?? "no rack"}
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-label="In Git">
          <h2 className="mb-2 text-base font-semibold">In Git</h2>
          <dl>
            <Row label="State">{installState(server.workflow, live.workflow)}</Row>
            <Row label="Install disk">
              <code>{server.installDisk}</code>
            </Row>
            {server.interfaces.map((item, index) => (
              <Row key={item.mac} label={`Interface ${index + 1}`}>
                <code>{item.mac}</code>{" "}
                {item.mode === "static"
                  ? `${item.address} / ${item.netmask} via ${item.gateway}`
                  : "DHCP"}
              </Row>
            ))}
            <Row label="BMC">
              {server.bmc ? `${server.bmc.address} (Secret ${server.bmc.secretName})` : "none"}
            </Row>
            {server.bmc ? (
              <Row label="Power">
                <BmcStatus view={live.bmc} />
              </Row>
            ) : null}
            <Row label="Cluster">
              <LiveStatus view={live} />
            </Row>
          </dl>
          <details className="mt-3">
            <summary className="text-sm">
              <code>{server.path}</code> at {detail.sha.slice(0, 7)}
            </summary>
            <ScrollRegion
              label={server.path}
              className="mt-2 max-h-96 rounded-md bg-zinc-50 dark:bg-zinc-900"
            >
              <pre data-testid="hardware-file" className="p-3 text-xs">
                {detail.file}
              </pre>
            </ScrollRegion>
          </details>
          {detail.workflowFile ? (
            <details className="mt-3">
              <summary className="text-sm">
                <code>{server.workflow?.path}</code>
              </summary>
              <ScrollRegion
                label={server.workflow?.path ?? "Workflow file"}
                className="mt-2 max-h-96 rounded-md bg-zinc-50 dark:bg-zinc-900"
              >
                <pre data-testid="workflow-file" className="p-3 text-xs">
                  {detail.workflowFile}
                </pre>
              </ScrollRegion>
            </details>
          ) : null}
        </section>
        <OperatorOnly quiet>
          <section aria-label="Operator actions" className="space-y-6">
            <div className="flex gap-4">
              <Link className="text-sm underline" href={`/servers/${server.name}/edit`}>
                Edit {server.name}
              </Link>
              <BootMediaLink server={server.name} />
            </div>
            <div>
              <h2 className="mb-2 text-base font-semibold">
                {provisioned ? "Reprovision" : "Provision"}
              </h2>
              <ProvisionForm
                action={provisioned ? reprovisionServerAction : provisionServerAction}
                server={{ name: server.name, arch: server.arch, installDisk: server.installDisk }}
                templates={detail.catalog.templates}
                reprovision={provisioned}
                {...(server.workflow ? { installed: server.workflow.template } : {})}
              />
            </div>
            {server.bmc ? (
              <div>
                <h2 className="mb-2 text-base font-semibold">Power and boot (BMC)</h2>
                <PowerForm action={powerServerAction} name={server.name} />
              </div>
            ) : null}
            <div>
              <h2 className="mb-2 text-base font-semibold">Decommission</h2>
              <DecommissionForm action={decommissionServerAction} name={server.name} />
            </div>
          </section>
        </OperatorOnly>
      </div>
      <section aria-label="Timeline" className="mt-8">
        <h2 className="mb-2 text-base font-semibold">Timeline</h2>
        <ServerTimeline name={server.name} initial={timeline} />
      </section>
    </>
  );
}
