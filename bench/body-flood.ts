import { mkdtempSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { maxBodyBytes } from "@/lib/http/request-limits";
import { rssMegabytes, startStandalone } from "./standalone-process";

const connections = 100;
const floodMs = 8_000;
const settleMs = 30_000;
const megabyte = 1024 * 1024;

type Flood = { name: string; framing: "declared" | "chunked"; declared: number; sent: number };

const floods: Flood[] = [
  { name: "9 MB declared", framing: "declared", declared: 9_000_000, sent: 9_000_000 - 1 },
  { name: "9 MB chunked, no length", framing: "chunked", declared: 0, sent: 9_000_000 },
  {
    name: `${maxBodyBytes / megabyte} MiB declared (the largest body read)`,
    framing: "declared",
    declared: maxBodyBytes,
    sent: maxBodyBytes - 1,
  },
];

/** One sender that pushes its body as fast as the socket takes it and never finishes it. */
function send(port: number, flood: Flood): { socket: Socket; status: Promise<string> } {
  const socket = connect(port, "127.0.0.1");
  const framing =
    flood.framing === "chunked"
      ? "Transfer-Encoding: chunked"
      : `Content-Length: ${flood.declared}`;
  socket.write(`POST /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n${framing}\r\n\r\n`);
  const status = new Promise<string>((resolve) => {
    socket.once("data", (data) => resolve(/^HTTP\/1\.1 (\d+)/.exec(data.toString())?.[1] ?? "?"));
    socket.once("close", () => resolve("connection closed"));
  });
  socket.on("error", () => undefined);
  const piece = Buffer.alloc(64 * 1024, 0x61);
  let sent = 0;
  const pump = (): void => {
    while (sent < flood.sent && !socket.destroyed) {
      const size = Math.min(piece.length, flood.sent - sent);
      const bytes = piece.subarray(0, size);
      const framed =
        flood.framing === "chunked"
          ? Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), bytes, Buffer.from("\r\n")])
          : bytes;
      sent += size;
      if (!socket.write(framed)) {
        socket.once("drain", pump);
        return;
      }
    }
  };
  pump();
  return { socket, status };
}

function tally(statuses: string[]): string {
  const counts = new Map<string, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${status} ×${count}`).join(", ");
}

/**
 * The body flood of the capacity issue against the standalone server: 100 connections each
 * pushing a body that never finishes, the console's RSS sampled while they push and 30 s after
 * they close.
 */
export async function runBodyFloodBench(): Promise<void> {
  const port = Number(process.env.BENCH_FLOOD_PORT ?? 3395);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "foundry-bench-flood-"));
  const server = await startStandalone({
    entry: "scripts/start-standalone.mjs",
    port,
    env: { FOUNDRY_DATA_DIR: dataDir },
    readyPath: "/api/health",
  });
  try {
    const atStart = rssMegabytes(server.pid);
    console.log(
      `body flood, ${connections} connections each pushing a body that never finishes (targets: RSS under 256 MiB while they push; within 10 % of the start ${settleMs / 1000} s after they close)`,
    );
    console.log(`  RSS at start: ${atStart.toFixed(1)} MB`);
    for (const flood of floods) {
      const senders = Array.from({ length: connections }, () => send(port, flood));
      let peak = 0;
      const until = Date.now() + floodMs;
      while (Date.now() < until) {
        peak = Math.max(peak, rssMegabytes(server.pid));
        await sleep(100);
      }
      const statuses = await Promise.all(
        senders.map(({ status }) => Promise.race([status, sleep(100).then(() => "no answer")])),
      );
      for (const { socket } of senders) socket.destroy();
      console.log(`  ${flood.name}: peak RSS ${peak.toFixed(1)} MB; answers ${tally(statuses)}`);
      await sleep(1_000);
    }
    await sleep(settleMs);
    const after = rssMegabytes(server.pid);
    console.log(
      `  RSS ${settleMs / 1000} s after they closed: ${after.toFixed(1)} MB (${(((after - atStart) / atStart) * 100).toFixed(0)} % from the start)`,
    );
  } finally {
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
