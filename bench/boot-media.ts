import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { buildIsoTemplate } from "@/lib/bootmedia/image/build-iso";
import { ipxeBinaries } from "@/lib/bootmedia/ipxe/ipxe-binaries";
import { mediaResponse } from "@/lib/bootmedia/media-response";
import { patchImage } from "@/lib/bootmedia/image/patched-image";
import { serverScript } from "@/lib/bootmedia/ipxe/server-script";
import { createTemplateCache } from "@/lib/bootmedia/image/template-cache";
import { percentile } from "./percentile";

// Imports only modules without `server-only`, so plain `npx tsx bench/boot-media.ts` runs it.
const ipxeDir = path.resolve(import.meta.dirname, "../vendor/ipxe");
const patchRuns = 200;
const xorrisoRuns = 15;
const concurrent = 50;
const rounds = 8;

function scriptFor(i: number): string {
  return serverScript({
    server: `rack1-node${i}`,
    network: {
      mac: "52:54:00:12:34:56",
      static: {
        address: "10.0.2.15",
        netmask: "255.255.255.0",
        gateway: "10.0.2.2",
        nameServers: ["10.0.2.3"],
      },
    },
    publicUrl: "http://10.0.2.2:3000",
    token: `${String(i).padStart(8, "0")}${"t".repeat(35)}`,
    smeeScriptUrl: "http://10.0.2.2:7080/ipxe/script/{mac}/auto.ipxe",
  });
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export async function runBootMediaBench(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "foundry-bench-bootmedia-"));
  try {
    const templates = createTemplateCache({ ipxeDir, cacheDir: dir });
    const template = await templates.get({ arch: "x86_64", format: "iso" });

    // Per-server image generation: patch + every byte produced (what a download streams).
    const patched: number[] = [];
    for (let i = 0; i < patchRuns; i++) {
      const started = performance.now();
      const image = patchImage(template, scriptFor(i));
      let bytes = 0;
      for (const chunk of image.chunks()) bytes += chunk.length;
      if (bytes !== template.bytes.length) throw new Error("short image");
      patched.push(performance.now() - started);
    }
    const built: number[] = [];
    for (let i = 0; i < xorrisoRuns; i++) {
      const work = await mkdtemp(path.join(dir, "xorriso-"));
      const script = path.join(work, "autoexec.ipxe");
      await writeFile(script, scriptFor(i));
      const started = performance.now();
      await buildIsoTemplate({
        binaries: ipxeBinaries(ipxeDir, "x86_64"),
        placeholder: script,
        workDir: work,
        output: path.join(work, "out.iso"),
      });
      built.push(performance.now() - started);
      await rm(work, { recursive: true, force: true });
    }
    const patchP50 = percentile(patched, 0.5);
    const buildP50 = percentile(built, 0.5);
    console.log(
      `boot media: per-server x86_64 ISO (${mib(template.bytes.length)} MiB): template patch + stream p50 ${patchP50.toFixed(2)} ms ` +
        `(p95 ${percentile(patched, 0.95).toFixed(2)} ms, n=${patchRuns}); xorriso per request p50 ${buildP50.toFixed(1)} ms ` +
        `(p95 ${percentile(built, 0.95).toFixed(1)} ms, n=${xorrisoRuns}); ${(buildP50 / patchP50).toFixed(0)}x faster`,
    );

    // 50 concurrent downloads over loopback HTTP, each a different per-server image, several rounds.
    let served = 0;
    const server = createServer((request, response) => {
      const image = patchImage(template, scriptFor(served++));
      const web = mediaResponse(new Request(`http://bench${request.url ?? "/"}`), {
        image,
        fileName: "bench.iso",
        contentType: "application/x-iso9660-image",
        private: true,
      });
      response.writeHead(web.status, Object.fromEntries(web.headers));
      if (web.body === null) return void response.end();
      Readable.fromWeb(web.body as NodeReadableStream<Uint8Array>).pipe(response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const rss: string[] = [`start ${mib(process.memoryUsage().rss)} MiB`];
    let totalBytes = 0;
    let totalMs = 0;
    for (let round = 1; round <= rounds; round++) {
      const started = performance.now();
      const sizes = await Promise.all(
        Array.from({ length: concurrent }, async () => {
          const response = await fetch(`http://127.0.0.1:${port}/media`);
          let bytes = 0;
          // Counted and dropped: the client keeps no copy either.
          const reader = response.body?.getReader();
          for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
            bytes += part.value.length;
          }
          return bytes;
        }),
      );
      totalMs += performance.now() - started;
      totalBytes += sizes.reduce((sum, size) => sum + size, 0);
      rss.push(`after ${round * concurrent} ${mib(process.memoryUsage().rss)} MiB`);
    }
    await new Promise((resolve) => server.close(resolve));
    console.log(
      `boot media: ${concurrent} concurrent downloads x ${rounds} rounds: ${mib(totalBytes / (totalMs / 1000))} MiB/s ` +
        `(${((rounds * concurrent) / (totalMs / 1000)).toFixed(0)} images/s); RSS ${rss.join(", ")}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
