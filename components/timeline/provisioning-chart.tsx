import { formatDuration } from "@/lib/k8s/views/duration";
import type { ProvisioningDurations } from "@/lib/timeline/provisioning-durations";

const colours = [
  "bg-sky-500",
  "bg-indigo-500",
  "bg-violet-500",
  "bg-fuchsia-500",
  "bg-amber-500",
  "bg-teal-500",
  "bg-emerald-500",
];

/** Stacked bars: how long each step took for the last servers provisioned, on one scale. */
export function ProvisioningChart({ rows }: { rows: ProvisioningDurations[] }) {
  if (rows.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No server has finished provisioning yet.
      </p>
    );
  }
  const names = [...new Set(rows.flatMap((row) => row.steps.map((step) => step.name)))];
  const colourOf = (name: string) => colours[names.indexOf(name) % colours.length] ?? "bg-zinc-400";
  const longest = Math.max(...rows.map((row) => row.totalSeconds), 1);
  return (
    <figure aria-label="Provisioning durations per step">
      <ul className="space-y-1.5">
        {rows.map((row) => (
          <li
            key={`${row.server}-${row.finishedAt}`}
            className="grid grid-cols-[8rem_1fr_5rem] items-center gap-2 text-xs"
          >
            <span className="truncate font-mono" title={row.server}>
              {row.server}
            </span>
            <span className="flex h-3" style={{ width: `${(row.totalSeconds / longest) * 100}%` }}>
              {row.steps.map((step, index) => (
                <span
                  key={`${step.name}-${index}`}
                  className={colourOf(step.name)}
                  style={{ width: `${(step.seconds / Math.max(row.totalSeconds, 1)) * 100}%` }}
                  title={`${step.name}: ${formatDuration(step.seconds)}`}
                />
              ))}
            </span>
            <span className="text-right tabular-nums">{formatDuration(row.totalSeconds)}</span>
          </li>
        ))}
      </ul>
      <figcaption className="mt-2 flex flex-wrap gap-3 text-xs text-zinc-600 dark:text-zinc-400">
        {names.map((name) => (
          <span key={name} className="inline-flex items-center gap-1">
            <span aria-hidden className={`size-2 rounded-sm ${colourOf(name)}`} />
            {name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
