import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";
import { consoleRoutes } from "@/tests/bootmedia/support/console-routes";
import type { Hit, RouteServer } from "@/tests/bootmedia/support/route-server";

/*
 * What the QEMU boots share: the console's route handlers and a stand-in Smee on one loopback
 * server (the guest's 10.0.2.2), and media fetched as a browser would, checked against their
 * ETag and Content-Length before a VM is given them.
 */
const smeeScript = "#!ipxe\necho Metal Foundry test: reached the stand-in Smee\nsleep 600\n";

/** The console answers its routes; `/smee/…` answers with a script that just waits. */
export async function serveConsoleAndSmee(server: RouteServer): Promise<void> {
  const routes = await consoleRoutes();
  server.use((request) => routes.handle(request));
  server.use(async (request) =>
    new URL(request.url).pathname.startsWith("/smee/")
      ? new Response(smeeScript, { headers: { "content-type": "text/plain" } })
      : undefined,
  );
}

const origin = { origin: "http://127.0.0.1:3000" };

/** Downloads `urlPath` into `dir/file` after checking the bytes against their headers. */
export async function downloadMedia(
  server: RouteServer,
  urlPath: string,
  target: { dir: string; file: string },
): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${server.port}${urlPath}`, { headers: origin });
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  expect(response.headers.get("etag")).toBe(`"${sha256}"`);
  expect(Number(response.headers.get("content-length"))).toBe(bytes.length);
  const file = path.join(target.dir, target.file);
  await writeFile(file, bytes);
  return file;
}

/** Makes a server's media as the Boot media page does (POST, then follow the 303) and downloads it. */
export async function makeServerMedia(
  server: RouteServer,
  media: { name: string; arch: "x86_64" | "aarch64"; format: "iso" | "usb" },
  target: { dir: string; file: string },
): Promise<string> {
  const made = await fetch(
    `http://127.0.0.1:${server.port}/api/media/servers/${media.name}?arch=${media.arch}&format=${media.format}`,
    { method: "POST", headers: origin, redirect: "manual" },
  );
  expect(made.status).toBe(303);
  const location = new URL(made.headers.get("location") ?? "", "http://console.test").pathname;
  return downloadMedia(server, location, target);
}

export const hyphens = (mac: string) => mac.replaceAll(":", "-");

/** The request iPXE makes of Smee once it has chained from the media. */
export const smeeHitFor = (mac: string) => (hit: Hit) =>
  hit.path === `/smee/${hyphens(mac)}/auto.ipxe`;
