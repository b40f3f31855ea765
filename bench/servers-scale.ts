import { spawnSync } from "node:child_process";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { bulkRegisterServers } from "@/lib/servers/bulk-register";
import { registerServer } from "@/lib/servers/register";
import type { ServerDeps } from "@/lib/servers/deps";
import { createServerWorld, operator, serverInput } from "@/tests/servers/server-world";
import { percentile } from "./percentile";
import { csvOf, macOf } from "./server-csv";

/*
 * Does a write cost more as the fleet grows? A form register (preview, then its commit) into a
 * repository of 10 servers beside the same into one of 10,000, both made by the bulk CSV form as a
 * person would; and while the 10,000-row CSV commits, how long the event loop stalls and how long
 * a register queued behind it waits.
 */
const registers = 15;

async function registerOnce(deps: ServerDeps, index: number): Promise<number> {
  const input = serverInput({
    name: `form-${index}`,
    interfaces: [{ mode: "dhcp", mac: macOf(90_000 + index) }],
  });
  const started = performance.now();
  const preview = await registerServer({ actor: operator, input, preview: true }, deps);
  if (preview.kind !== "preview") throw new Error("expected a preview");
  await registerServer(
    { actor: operator, input: { ...input, previewDigest: preview.digest } },
    deps,
  );
  return performance.now() - started;
}

type Fleet = { servers: number; p50: number; p95: number; csv: CsvFigures };
type CsvFigures = { seconds: number; stallMs: number; queuedMs: number };

async function fleet(servers: number): Promise<Fleet> {
  const world = await createServerWorld();
  try {
    const deps = world.deps();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    // One register through the JSON API (no preview), sent the moment the CSV's commit joins the
    // writer's queue: how long a write waits behind it.
    let queued: Promise<number> | undefined;
    const sendQueued = () => {
      const sentAt = performance.now();
      const input = serverInput({
        name: "api-0",
        interfaces: [{ mode: "dhcp", mac: macOf(80_000) }],
      });
      queued = registerServer({ actor: operator, input }, deps).then(
        () => performance.now() - sentAt,
      );
    };
    const watched: ServerDeps = {
      ...deps,
      writer: {
        ...deps.writer,
        applyChange: (change) => {
          if (change.action === "bulk-register-servers") setImmediate(sendQueued);
          return deps.writer.applyChange(change);
        },
      },
    };
    const started = performance.now();
    await bulkRegisterServers(
      { actor: operator, input: { csv: csvOf(0, servers), allOrNothing: true } },
      watched,
    );
    const seconds = (performance.now() - started) / 1000;
    if (!queued) throw new Error("the CSV never reached the writer");
    const queuedMs = await queued;
    delay.disable();
    const stallMs = delay.max / 1e6;
    const times: number[] = [];
    for (let i = 1; i <= registers; i += 1) times.push(await registerOnce(deps, i));
    return {
      servers,
      p50: percentile(times, 0.5),
      p95: percentile(times, 0.95),
      csv: { seconds, stallMs, queuedMs },
    };
  } finally {
    await world.close();
  }
}

/** The inventory of 30,000 servers read under the open-file limit many hosts default to. */
function openFilesAtScale(): string {
  const started = performance.now();
  const result = spawnSync(
    "prlimit",
    [
      "--nofile=1024:1024",
      path.resolve("node_modules/.bin/tsx"),
      path.resolve("tests/servers/support/inventory-of-many.ts"),
      "30000",
    ],
    { encoding: "utf8" },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (result.error) return `not measured (${result.error.message})`;
  const emfile = /EMFILE/.test(result.stderr) ? "EMFILE" : "no EMFILE";
  const read = result.stdout.trim().split("\n").pop() ?? "";
  return `${emfile}, exit ${result.status ?? "?"}, ${read} in ${seconds} s (target: no EMFILE)`;
}

export async function runServerScaleBench(): Promise<void> {
  const small = await fleet(10);
  const large = await fleet(10_000);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(
    `servers at scale: register (preview + commit) p50 ${ms(large.p50)} with 10,000 servers beside ${ms(small.p50)} with 10 (${(large.p50 / small.p50).toFixed(2)}×; target ≤ 1.5×); p95 ${ms(large.p95)} beside ${ms(small.p95)}`,
  );
  console.log(`servers at scale: 30,000 servers under ulimit -n 1024: ${openFilesAtScale()}`);
  for (const run of [small, large]) {
    console.log(
      `servers at scale: ${run.servers.toLocaleString("en")}-row CSV committed in ${run.csv.seconds.toFixed(1)} s; longest event-loop stall ${ms(run.csv.stallMs)} (target ≤ 100 ms); a register queued behind its commit answered in ${ms(run.csv.queuedMs)} (target < 2,000 ms)`,
    );
  }
}
