import type { BmcView } from "@/lib/k8s/views/reshape-bmc";

/** The power state Rufio last read from the BMC, and how the newest BMC action went. */
export function BmcStatus({ view }: { view: BmcView | null | undefined }) {
  if (!view) return <span data-testid="bmc-power">not seen by Rufio yet</span>;
  const job = view.lastJob;
  return (
    <span className="space-y-1">
      <span data-testid="bmc-power" className="block">
        {view.power ? `Power ${view.power}` : "Power state not read yet"}
        {view.contactable && !view.contactable.ok
          ? ` · BMC not reachable${view.contactable.message ? `: ${view.contactable.message}` : ""}`
          : ""}
      </span>
      {job ? (
        <span data-testid="bmc-last-job" data-state={job.state} className="block">
          Last action: {job.asked}, {job.state}
          {job.message && job.state !== "completed" ? `: ${job.message}` : ""}
        </span>
      ) : null}
    </span>
  );
}

/** One word for the Servers table. */
export function powerWord(view: BmcView | null | undefined): string {
  if (!view) return "—";
  if (view.lastJob?.state === "failed") return `${view.power ?? "?"} (last action failed)`;
  return view.power ?? "—";
}
