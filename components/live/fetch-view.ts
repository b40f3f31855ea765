/**
 * Reads one of the console's own JSON views. The server built it with the type the caller
 * names (lib/live-views.ts); this is the one place that trusts that, hence the one cast.
 */
export async function fetchView<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store", headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}
