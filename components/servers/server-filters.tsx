import type { ListQuery } from "@/lib/servers/list-servers";
import { inputClass } from "@/components/ui/input-class";

/** A plain GET form: the filters become the URL, so a view can be bookmarked and shared. */
export function ServerFilters({ query, sites }: { query: ListQuery; sites: string[] }) {
  return (
    <form method="get" action="/servers" role="search" className="mb-4 grid gap-3 sm:grid-cols-5">
      <label className="text-sm sm:col-span-2">
        Search
        <input
          name="q"
          defaultValue={query.q ?? ""}
          placeholder="name, hostname, MAC or IP"
          className={inputClass}
        />
      </label>
      <label className="text-sm">
        Site
        <select name="site" defaultValue={query.site ?? ""} className={inputClass}>
          <option value="">All sites</option>
          {sites.map((site) => (
            <option key={site}>{site}</option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        State
        <select name="state" defaultValue={query.state ?? ""} className={inputClass}>
          <option value="">Any state</option>
          <option value="registered">Registered</option>
          <option value="provisioned">Provisioned</option>
        </select>
      </label>
      <label className="text-sm">
        Architecture
        <select name="arch" defaultValue={query.arch ?? ""} className={inputClass}>
          <option value="">Any</option>
          <option value="x86_64">x86_64</option>
          <option value="aarch64">aarch64</option>
        </select>
      </label>
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="sm:col-span-5">
        <button
          type="submit"
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700"
        >
          Apply filters
        </button>
      </div>
    </form>
  );
}
