import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { SessionState } from "@/lib/auth/session";
import { bootWorld } from "@/tests/bootmedia/support/boot-world";
import { signedIn, testActor } from "@/tests/bootmedia/support/console-routes";
import { startRouteServer } from "@/tests/bootmedia/support/route-server";
import {
  downloadMedia,
  hyphens,
  makeServerMedia,
  serveConsoleAndSmee,
  smeeHitFor,
} from "@/tests/bootmedia/qemu/media-world";
import { bootInQemu, type Attachment, type Firmware } from "@/tests/bootmedia/qemu/qemu-run";

/*
 * Real firmware (SeaBIOS, OVMF) boots the downloaded media under QEMU's user network, where the
 * guest's 10.0.2.2 is this host's loopback. The console is its route handlers behind a small
 * Node HTTP server, beside a stand-in Smee (media-world.ts).
 */
const session = vi.hoisted(() => ({ state: { kind: "anonymous" } as SessionState }));
vi.mock("@/lib/auth/session", () => ({ requestActor: async () => session.state }));

const serverMac = "52:54:00:12:34:56";
const server = await startRouteServer();
const world = await bootWorld({
  hardware: [
    {
      name: "rack1-node1",
      mac: serverMac,
      ip: { address: "10.0.2.15", netmask: "255.255.255.0", gateway: "10.0.2.2" },
      nameServers: ["10.0.2.3"],
    },
  ],
  publicUrl: `http://10.0.2.2:${server.port}`,
  smeeUrl: `http://10.0.2.2:${server.port}/smee`,
});
Object.assign(process.env, world.env);
const { applyMigrations } = await import("@/lib/db/migrate");
const { db } = await import("@/lib/db");
const { listBootEvents } = await import("@/lib/bootmedia/list-boot-events");

const images: Record<string, string> = {};
const timings: string[] = [];

beforeAll(async () => {
  await applyMigrations({ databaseUrl: world.env.DATABASE_URL });
  await serveConsoleAndSmee(server);
  const dir = world.dir;
  session.state = signedIn("viewer");
  images["generic-iso"] = await downloadMedia(server, "/api/media/generic?arch=x86_64&format=iso", {
    dir,
    file: "generic.iso",
  });
  images["generic-usb"] = await downloadMedia(server, "/api/media/generic?arch=x86_64&format=usb", {
    dir,
    file: "generic.img",
  });
  session.state = signedIn("operator");
  for (const format of ["iso", "usb"] as const) {
    images[`server-${format}`] = await makeServerMedia(
      server,
      { name: "rack1-node1", arch: "x86_64", format },
      { dir, file: `rack1-node1.${format}` },
    );
  }
});

afterAll(async () => {
  console.log(`boot times (ms):\n  ${timings.join("\n  ")}`);
  await db().$disconnect();
  await server.close();
  await world.close();
});

type Boot = { media: string; firmware: Firmware; attachment: Attachment };
const boots: Boot[] = [
  { media: "iso", firmware: "seabios", attachment: "cd" },
  { media: "iso", firmware: "seabios", attachment: "usb" },
  { media: "iso", firmware: "ovmf", attachment: "cd" },
  { media: "iso", firmware: "ovmf", attachment: "usb" },
  { media: "usb", firmware: "seabios", attachment: "usb" },
  { media: "usb", firmware: "ovmf", attachment: "usb" },
];

async function bootGeneric(boot: Boot, index: number): Promise<void> {
  const mac = `52:54:00:00:01:${String(index).padStart(2, "0")}`;
  const name = `generic-${boot.media}-${boot.firmware}-${boot.attachment}`;
  const ms = await bootInQemu({
    name,
    image: images[`generic-${boot.media}`] ?? "",
    ...boot,
    mac,
    workDir: world.dir,
    timeoutMs: 90_000,
    done: (since) => server.waitFor(smeeHitFor(mac), 90_000, since),
  });
  timings.push(`${name}: ${ms}`);
}

async function bootServer(boot: Boot): Promise<void> {
  const name = `rack1-node1-${boot.media}-${boot.firmware}-${boot.attachment}`;
  const ms = await bootInQemu({
    name,
    image: images[`server-${boot.media}`] ?? "",
    ...boot,
    mac: serverMac,
    workDir: world.dir,
    timeoutMs: 90_000,
    done: async (since) => {
      const report = await server.waitFor(
        (hit) => hit.path.startsWith("/api/boot/media/"),
        90_000,
        since,
      );
      expect(report.status, `${name}: the console accepted the call-home`).toBe(200);
      expect(report.path).toContain(`mac=${hyphens(serverMac)}&ip=10.0.2.15`);
      const smee = await server.waitFor(smeeHitFor(serverMac), 90_000, since);
      expect(smee.at).toBeGreaterThanOrEqual(report.at);
    },
  });
  timings.push(`${name}: ${ms}`);
}

it("boots generic and per-server media under SeaBIOS and OVMF, as CD and USB disk, two at a time", async () => {
  // One per-server boot at a time (they share the server's MAC), each beside a generic one.
  for (const [index, boot] of boots.entries()) {
    await Promise.all([bootServer(boot), bootGeneric(boot, index)]);
  }
  const events = await listBootEvents(
    { actor: testActor("viewer"), input: { server: "rack1-node1" } },
    { db: db() },
  );
  expect(events).toHaveLength(boots.length);
  for (const event of events)
    expect(event).toMatchObject({ server: "rack1-node1", mac: serverMac, ip: "10.0.2.15" });
});
