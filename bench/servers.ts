import { bulkRegisterServers } from "@/lib/servers/bulk-register";
import { listServers } from "@/lib/servers/list-servers";
import { registerServer } from "@/lib/servers/register";
import { createServerWorld, operator, serverInput } from "@/tests/servers/server-world";
import { percentile } from "./percentile";
import { csvOf, macOf } from "./server-csv";

// Plain `npx tsx bench/servers.ts` runs it too: only modules without `server-only`.

/** Form submit → commit pushed (preview, then the commit of that preview), and a 200-row CSV. */
export async function runServersBench(): Promise<void> {
  const world = await createServerWorld();
  try {
    const deps = world.deps();
    let started = performance.now();
    const bulk = await bulkRegisterServers(
      { actor: operator, input: { csv: csvOf(0, 200), allOrNothing: true } },
      deps,
    );
    const csvSeconds = (performance.now() - started) / 1000;
    console.log(
      `servers: 200-row CSV → one commit (${bulk.registered.length} servers): ${csvSeconds.toFixed(2)} s`,
    );

    await bulkRegisterServers({ actor: operator, input: { csv: csvOf(1000, 1800) } }, deps);
    const submits: number[] = [];
    const commits: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const input = serverInput({
        name: `form-${i}`,
        interfaces: [{ mode: "dhcp", mac: macOf(50_000 + i) }],
      });
      started = performance.now();
      const preview = await registerServer({ actor: operator, input, preview: true }, deps);
      if (preview.kind !== "preview") throw new Error("expected a preview");
      const committing = performance.now();
      await registerServer(
        { actor: operator, input: { ...input, previewDigest: preview.digest } },
        deps,
      );
      commits.push(performance.now() - committing);
      submits.push(performance.now() - started);
    }
    console.log(
      `servers: register with 2,000 servers in the repo — commit pushed p50 ${percentile(commits, 0.5).toFixed(0)} ms, p95 ${percentile(commits, 0.95).toFixed(0)} ms; preview + commit p50 ${percentile(submits, 0.5).toFixed(0)} ms, p95 ${percentile(submits, 0.95).toFixed(0)} ms`,
    );
    const lists: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      started = performance.now();
      await listServers({ actor: operator, input: { q: "bench-1", sort: "rack", page: 2 } }, deps);
      lists.push(performance.now() - started);
    }
    console.log(
      `servers: list page of 2,020 servers (search, sort, page 2) first ${lists[0]?.toFixed(0)} ms, then p50 ${percentile(lists.slice(1), 0.5).toFixed(0)} ms`,
    );
  } finally {
    await world.close();
  }
}
