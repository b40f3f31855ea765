import { RelativeTime } from "@/components/ui/relative-time";
import type { CloudOverview } from "@/lib/oci/cloud-overview";
import { CostSummary } from "./cost-summary";
import { NotConfigured } from "./not-configured";
import { ResourceTables } from "./resource-tables";
import { UsageMeters } from "./usage-meters";

/** The Cloud page's body for each state of the overview; pure, so tests render it directly. */
export function CloudView({ overview }: { overview: CloudOverview }) {
  if (overview.state === "not-configured")
    return <NotConfigured configFile={overview.configFile} />;
  if (overview.state === "failed") {
    return (
      <section
        role="alert"
        aria-labelledby="cloud-failed"
        className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
      >
        <h2 id="cloud-failed" className="font-semibold">
          Oracle Cloud could not be read
        </h2>
        <p className="mt-1">{overview.error}</p>
      </section>
    );
  }
  return (
    <>
      <CostSummary assessment={overview.assessment} monthToDate={overview.monthToDate} />
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        Region <code>{overview.region}</code>, compartment{" "}
        <code title={overview.compartmentId}>…{overview.compartmentId.slice(-12)}</code>, read
        through {overview.method}, <RelativeTime date={new Date(overview.readAt)} /> (refreshed at
        most once a minute).
      </p>
      <UsageMeters meters={overview.assessment.meters} />
      <ResourceTables assessment={overview.assessment} />
      <footer className="mt-8 max-w-prose text-xs text-zinc-600 dark:text-zinc-400">
        <p>
          Limits from <code>infra/free-tier-limits.json</code> (the file Terraform reads;
          Oracle&apos;s{" "}
          <a className="underline" href={overview.limits.source}>
            Always Free page
          </a>
          , checked {overview.limits.checked}).
        </p>
        <p className="mt-1">
          How the estimate is made: Always Free items cost $0.00. Anything outside the allowance is
          priced for a whole month ({overview.prices.hoursPerMonth} hours) from{" "}
          <code>infra/oci-price-estimates.json</code>: list prices recorded{" "}
          {overview.prices.recorded} from Oracle&apos;s{" "}
          <a className="underline" href={overview.prices.source}>
            price list
          </a>
          {overview.prices.verified ? "" : ", not re-checked against it"}. Allowances go to the
          oldest resources first. Stopped instances are priced as if running. These are estimates,
          not a bill.
        </p>
      </footer>
    </>
  );
}
