const unitSeconds: Record<string, number> = {
  h: 3600,
  m: 60,
  s: 1,
  ms: 0.001,
  us: 1e-6,
  µs: 1e-6,
  ns: 1e-9,
};

/** Seconds in a Go duration string such as "1m2.5s", as Tinkerbell writes executionDuration. */
export function parseGoDuration(value: string | undefined): number | null {
  if (!value) return null;
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(h|ms|us|µs|ns|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join("") !== value) return null;
  return parts.reduce(
    (total, part) => total + Number(part[1]) * (unitSeconds[part[2] ?? "s"] ?? 0),
    0,
  );
}

/** "1 h 3 min", "4 min 12 s", "38 s": the way durations read in the console. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${s} s`;
  return `${s} s`;
}
