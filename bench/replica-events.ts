import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { fluxEventLatencies } from "./flux-event-latency";
import { percentile } from "./percentile";
import { signInLocalAdmin } from "./server-rss";
import { startStandalone, type StandaloneProcess } from "./standalone-process";

const secret = "bench-flux-webhook-key-not-secret";
// Both runs within one minute stay under the webhooks rate limit (120 a minute, counted across replicas).
const count = 50;

async function onAdmin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Two consoles on one PostgreSQL database: a Flux event posted to B, timed until it shows on a
 * live stream from A, beside the same figure on one console (posted to A, streamed from A).
 */
export async function runReplicaEventsBench(): Promise<void> {
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (serverUrl === undefined) {
    console.log(
      "replica events: skipped (TEST_POSTGRES_URL unset; npm run bench starts PostgreSQL)",
    );
    return;
  }
  const name = `foundry_bench_${randomBytes(4).toString("hex")}`;
  await onAdmin(serverUrl, `CREATE DATABASE "${name}"`);
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${name}`;
  const started: StandaloneProcess[] = [];
  try {
    const start = async (port: number, extra: Record<string, string>) => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), "foundry-bench-replica-"));
      const server = await startStandalone({
        entry: "scripts/start-standalone.mjs",
        port,
        env: {
          DATABASE_URL: databaseUrl.toString(),
          AUTH_SECRET: "bench-replicas-auth-secret-at-least-32-chars",
          FLUX_WEBHOOK_SECRET: secret,
          FOUNDRY_DATA_DIR: dataDir,
          ...extra,
        },
        readyPath: "/api/health",
      });
      started.push(server);
      return { server, dataDir };
    };
    const a = await start(3171, {});
    const b = await start(3172, { FOUNDRY_GIT_URL: path.join(a.dataDir, "gitops.git") });
    const cookie = await signInLocalAdmin(a.server.base);
    const one = await fluxEventLatencies({
      sendTo: a.server.base,
      streamFrom: a.server.base,
      cookie,
      secret,
      count,
    });
    const across = await fluxEventLatencies({
      sendTo: b.server.base,
      streamFrom: a.server.base,
      cookie,
      secret,
      count,
      firstId: count,
    });
    const line = (label: string, values: number[]) =>
      console.log(
        `  ${label}: p50 ${percentile(values, 0.5).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms (n=${values.length})`,
      );
    console.log("replica events (two consoles on one PostgreSQL database)");
    line("Flux event to A → live stream from A (one replica)", one);
    line("Flux event to B → live stream from A (across replicas)", across);
  } finally {
    for (const server of started) server.stop();
    await onAdmin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(
      () => undefined,
    );
  }
}
