import clsx from "clsx";
import type { Meter } from "@/lib/oci/assess";
import { formatAmount } from "./format";

/** Usage against each Always Free limit; a bar past its limit turns red. */
export function UsageMeters({ meters }: { meters: Meter[] }) {
  if (meters.length === 0) return null;
  return (
    <section aria-labelledby="cloud-limits" className="mt-6">
      <h2 id="cloud-limits" className="mb-3 text-base font-semibold">
        Against the Always Free limits
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {meters.map((meter, index) => {
          const over = meter.used > meter.limit;
          const percent = meter.limit === 0 ? 100 : Math.min(100, (meter.used / meter.limit) * 100);
          const labelId = `cloud-meter-${index}`;
          const text = `${formatAmount(meter.used)} of ${formatAmount(meter.limit)}${meter.unit ? ` ${meter.unit}` : ""}`;
          return (
            <li
              key={meter.label}
              className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800"
            >
              <div className="flex items-baseline justify-between gap-2">
                <span id={labelId}>{meter.label}</span>
                <span
                  className={clsx(
                    "tabular-nums",
                    over && "font-medium text-red-700 dark:text-red-300",
                  )}
                >
                  {text}
                  {over ? " — over the limit" : ""}
                </span>
              </div>
              <div
                role="meter"
                aria-labelledby={labelId}
                aria-valuemin={0}
                aria-valuemax={meter.limit}
                aria-valuenow={meter.used}
                aria-valuetext={text}
                className="mt-2 h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
              >
                <div
                  className={clsx("h-full rounded-full", over ? "bg-red-600" : "bg-emerald-600")}
                  style={{ width: `${percent}%` }}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
