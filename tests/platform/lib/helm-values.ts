export type Values = { [key: string]: unknown };

export function isValues(v: unknown): v is Values {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// Helm's coalescing of user values over a chart's values.yaml: maps merge key by key, while a
// list or a scalar replaces the chart's whole value (a list is never appended to).
export function coalesce(chart: Values, user: Values): Values {
  const out: Values = { ...chart };
  for (const [key, value] of Object.entries(user)) {
    const base = chart[key];
    out[key] = isValues(base) && isValues(value) ? coalesce(base, value) : value;
  }
  return out;
}

export function at(values: unknown, dotted: string): unknown {
  let node = values;
  for (const key of dotted.split(".")) node = isValues(node) ? node[key] : undefined;
  return node;
}
