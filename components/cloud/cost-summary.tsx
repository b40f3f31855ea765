import type { FreeTierAssessment } from "@/lib/oci/assess";
import type { MonthToDateCost, Section } from "@/lib/oci/types";
import { formatMoney, formatUsd } from "./format";

/** The headline: $0.00 when everything is Always Free, or the red total of what is not. */
export function CostSummary({
  assessment,
  monthToDate,
}: {
  assessment: FreeTierAssessment;
  monthToDate: Section<MonthToDateCost>;
}) {
  const paid = assessment.flagged > 0;
  const partial = assessment.complete
    ? ""
    : " (of what could be read: some calls failed, see below)";
  return (
    <section
      aria-labelledby="cloud-summary"
      className={
        paid
          ? "rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950"
          : "rounded-lg border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-800 dark:bg-emerald-950"
      }
    >
      <h2
        id="cloud-summary"
        className={
          paid
            ? "text-lg font-semibold text-red-800 dark:text-red-200"
            : "text-lg font-semibold text-emerald-900 dark:text-emerald-200"
        }
      >
        {paid
          ? `This month: about ${formatUsd(assessment.monthlyUsd)} — ${assessment.flagged} ${assessment.flagged === 1 ? "item costs" : "items cost"} money${partial}`
          : `This month: ${formatUsd(0)} — everything is Always Free${partial}`}
      </h2>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        {paid
          ? "Each flagged row below says why; the figures are estimates for a whole month from list prices."
          : "Every instance, volume, bucket and load balancer fits the Always Free allowance."}
      </p>
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
        {monthToDate.ok ? (
          <>
            Oracle&apos;s usage report for this month so far:{" "}
            <strong
              className={
                monthToDate.value.amount > 0 ? "text-red-700 dark:text-red-300" : undefined
              }
            >
              {formatMoney(monthToDate.value.amount, monthToDate.value.currency)}
            </strong>
          </>
        ) : (
          <span className="text-red-800 dark:text-red-200">{monthToDate.error}</span>
        )}
      </p>
    </section>
  );
}
