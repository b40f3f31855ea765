import { listQuerySchema, type ListQuery } from "@/lib/servers/list-servers";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The list's filters live in the URL, so a filtered view can be shared; bad values fall back. */
export function listQueryOf(params: SearchParams): ListQuery {
  const first = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return listQuerySchema.parse(first);
}
