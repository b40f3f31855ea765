import clsx from "clsx";

export type Status = "ready" | "progressing" | "failed" | "unknown" | "suspended";

const look: Record<Status, { label: string; dot: string; text: string }> = {
  ready: { label: "Ready", dot: "bg-emerald-500", text: "text-emerald-800 dark:text-emerald-300" },
  progressing: { label: "Progressing", dot: "bg-sky-500", text: "text-sky-800 dark:text-sky-300" },
  failed: { label: "Failed", dot: "bg-red-600", text: "text-red-800 dark:text-red-300" },
  unknown: { label: "Unknown", dot: "bg-zinc-400", text: "text-zinc-700 dark:text-zinc-300" },
  suspended: {
    label: "Suspended",
    dot: "bg-amber-500",
    text: "text-amber-800 dark:text-amber-300",
  },
};

/** One status vocabulary everywhere: each state one colour and one label; the detail on hover. */
export function StatusBadge({
  status,
  label,
  detail,
}: {
  status: Status;
  label?: string;
  detail?: string;
}) {
  const { dot, text, label: defaultLabel } = look[status];
  return (
    <span className={clsx("inline-flex items-center gap-1.5 text-sm", text)} title={detail}>
      <span aria-hidden className={clsx("size-2 rounded-full", dot)} />
      {label ?? defaultLabel}
    </span>
  );
}
