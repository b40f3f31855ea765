"use client";

import { KindNotice } from "@/components/cluster/kind-notice";
import { LiveTime } from "@/components/live/live-time";
import { useLiveView } from "@/components/live/use-live-view";
import { StatusBadge } from "@/components/ui/status-badge";
import type { GitOpsView } from "@/lib/k8s/read/gitops-view";
import type { FluxKindKey } from "@/lib/k8s/kinds";
import type { FluxObjectView } from "@/lib/k8s/views/reshape-flux";
import { ReconcileButton } from "./reconcile-button";
import type { ComponentProps } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";

const order: { key: FluxKindKey; title: string }[] = [
  { key: "gitrepositories", title: "Git repositories" },
  { key: "ocirepositories", title: "OCI repositories" },
  { key: "helmrepositories", title: "Helm repositories" },
  { key: "kustomizations", title: "Kustomizations" },
  { key: "helmreleases", title: "HelmReleases" },
];

function Revision({ value }: { value: string | null }) {
  if (!value) return <span className="text-zinc-400">—</span>;
  const short = value.replace(/(sha1|sha256):([0-9a-f]{7})[0-9a-f]+/, "$1:$2");
  return (
    <code className="font-mono text-xs" title={value}>
      {short}
    </code>
  );
}

function Row({
  object,
  canReconcile,
  action,
}: {
  object: FluxObjectView;
  canReconcile: boolean;
  action: ComponentProps<typeof ReconcileButton>["action"];
}) {
  const pending = object.requestedAt !== null && object.requestedAt !== object.handledAt;
  return (
    <tr data-testid={`flux-${object.kind}-${object.namespace}-${object.name}`}>
      <td className="px-3 py-2 font-mono text-xs">
        {object.namespace}/{object.name}
      </td>
      <td className="px-3 py-2">
        <StatusBadge
          status={object.ready.tone}
          label={object.suspended ? "Suspended" : undefined}
          detail={object.ready.message ?? undefined}
        />
      </td>
      <td className="px-3 py-2">
        <Revision value={object.revision} />
      </td>
      <td className="px-3 py-2">
        <Revision value={object.lastAppliedRevision} />
      </td>
      <td
        className="max-w-sm truncate px-3 py-2 text-xs text-zinc-600 dark:text-zinc-400"
        title={object.ready.message ?? undefined}
      >
        {object.ready.message ?? "—"}
      </td>
      <td className="whitespace-nowrap px-3 py-2 text-xs">
        {canReconcile ? (
          <ReconcileButton
            kind={object.kindKey}
            namespace={object.namespace}
            name={object.name}
            action={action}
            pending={pending}
          />
        ) : null}
        {object.handledAt && !pending ? (
          <span className="ml-2 text-zinc-500" data-testid="reconcile-handled">
            handled <LiveTime at={object.handledTime} />
          </span>
        ) : null}
      </td>
    </tr>
  );
}

export function FluxPanels({
  initial,
  canReconcile,
  action,
}: {
  initial: GitOpsView;
  canReconcile: boolean;
  action: ComponentProps<typeof ReconcileButton>["action"];
}) {
  const { data } = useLiveView("gitops", initial);
  return (
    <div className="space-y-6">
      {order.map(({ key, title }) => {
        const panel = data[key];
        return (
          <section key={key} aria-label={title}>
            <h2 className="mb-2 text-base font-semibold">
              {title}{" "}
              <span className="text-sm font-normal text-zinc-500">{panel.objects.length}</span>
            </h2>
            <KindNotice panel={panel.panel} />
            {panel.objects.length > 0 ? (
              <ScrollRegion
                label={title}
                className="rounded-lg border border-zinc-200 dark:border-zinc-800"
              >
                <table className="w-full text-left text-sm">
                  <thead className="bg-zinc-50 text-xs uppercase text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
                    <tr>
                      {["Name", "Ready", "Revision", "Last applied", "Message", ""].map((h, i) => (
                        <th key={i} scope="col" className="px-3 py-2 font-medium">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                    {panel.objects.map((object) => (
                      <Row
                        key={`${object.namespace}/${object.name}`}
                        object={object}
                        canReconcile={canReconcile}
                        action={action}
                      />
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
