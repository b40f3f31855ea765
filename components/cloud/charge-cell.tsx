import type { Charge } from "@/lib/oci/assess";
import { formatUsd } from "./format";

/** The cost column: $0.00 for Always Free, or the red flag with the estimate and the reason. */
export function ChargeCell({ charge }: { charge: Charge }) {
  if (!charge.costsMoney) {
    return (
      <span className="text-emerald-800 dark:text-emerald-300">
        {formatUsd(0)}{" "}
        <span className="ml-1 text-xs text-zinc-600 dark:text-zinc-400">
          {charge.note ?? "Always Free"}
        </span>
      </span>
    );
  }
  return (
    <span className="block font-medium text-red-700 dark:text-red-300">
      <span className="inline-flex items-center gap-1.5">
        <span aria-hidden className="size-2 rounded-full bg-red-600" />
        this costs money
      </span>
      <span className="ml-1.5 tabular-nums">≈ {formatUsd(charge.monthlyUsd)}/month</span>
      <span className="block text-xs font-normal text-red-700 dark:text-red-300">
        {charge.reason}
      </span>
    </span>
  );
}
