import type { ListQuery } from "@/lib/servers/list-servers";

/** The Servers list URL for a query, leaving defaults out so links stay short. */
export function hrefWith(query: ListQuery, change: Partial<ListQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined || value === "") continue;
    if (
      (key === "sort" && value === "name") ||
      (key === "dir" && value === "asc") ||
      (key === "page" && value === 1) ||
      (key === "size" && value === 50)
    )
      continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `/servers?${text}` : "/servers";
}
