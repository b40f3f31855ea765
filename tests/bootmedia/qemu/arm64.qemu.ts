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
import { bootInQemu, type Attachment } from "@/tests/bootmedia/qemu/qemu-run";

/*
 * The arm64 media an operator writes to a board's USB stick or mounts on an arm64 server's BMC,
 * booted by real EDK2 (Debian's qemu-efi-aarch64) on QEMU's `virt` machine under TCG. The guest's
 * 10.0.2.2 is this host's loopback: the console's route handlers and a stand-in Smee answer there.
 */
const session = vi.hoisted(() => ({ state: { kind: "anonymous" } as SessionState }));
vi.mock("@/lib/auth/session", () => ({ requestActor: async () => session.state }));

const boardMac = "52:54:00:a6:40:01";
const server = await startRouteServer();
const world = await bootWorld({
  hardware: [
    {
      name: "pi5-node1",
      mac: boardMac,
      arch: "aarch64",
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
// EDK2 under TCG takes most of a minute before it reads the media.
const bootBudgetMs = 180_000;

beforeAll(async () => {
  await applyMigrations({ databaseUrl: world.env.DATABASE_URL });
  await serveConsoleAndSmee(server);
  const dir = world.dir;
  session.state = signedIn("viewer");
  for (const format of ["iso", "usb"] as const) {
    images[`generic-${format}`] = await downloadMedia(
      server,
      `/api/media/generic?arch=aarch64&format=${format}`,
      { dir, file: `generic-arm64.${format}` },
    );
  }
  session.state = signedIn("operator");
  for (const format of ["iso", "usb"] as const) {
    images[`server-${format}`] = await makeServerMedia(
      server,
      { name: "pi5-node1", arch: "aarch64", format },
      { dir, file: `pi5-node1-arm64.${format}` },
    );
  }
});

afterAll(async () => {
  console.log(`arm64 boot times (ms):\n  ${timings.join("\n  ")}`);
  await db().$disconnect();
  await server.close();
  await world.close();
});

type Boot = { media: "iso" | "usb"; attachment: Attachment };
// The ISO as a BMC's virtual CD and as a stick; the USB image as a stick.
const boots: Boot[] = [
  { media: "iso", attachment: "cd" },
  { media: "iso", attachment: "usb" },
  { media: "usb", attachment: "usb" },
];

it("boots the generic arm64 ISO and USB image in EDK2: iPXE brings the network up and chains to Smee", async () => {
  for (const [index, boot] of boots.entries()) {
    const mac = `52:54:00:a6:41:${String(index).padStart(2, "0")}`;
    const name = `generic-arm64-${boot.media}-${boot.attachment}`;
    const ms = await bootInQemu({
      name,
      image: images[`generic-${boot.media}`] ?? "",
      firmware: "aavmf",
      attachment: boot.attachment,
      mac,
      workDir: world.dir,
      timeoutMs: bootBudgetMs,
      done: (since) => server.waitFor(smeeHitFor(mac), bootBudgetMs, since),
    });
    timings.push(`${name}: ${ms}`);
  }
});

it("boots a board's per-server arm64 media: it calls home from its MAC and address, then chains to Smee", async () => {
  for (const boot of boots) {
    const name = `pi5-node1-arm64-${boot.media}-${boot.attachment}`;
    const ms = await bootInQemu({
      name,
      image: images[`server-${boot.media}`] ?? "",
      firmware: "aavmf",
      attachment: boot.attachment,
      mac: boardMac,
      workDir: world.dir,
      timeoutMs: bootBudgetMs,
      done: async (since) => {
        const report = await server.waitFor(
          (hit) => hit.path.startsWith("/api/boot/media/"),
          bootBudgetMs,
          since,
        );
        expect(report.status, `${name}: the console accepted the call-home`).toBe(200);
        expect(report.path).toContain(`mac=${hyphens(boardMac)}&ip=10.0.2.15`);
        const smee = await server.waitFor(smeeHitFor(boardMac), bootBudgetMs, since);
        expect(smee.at).toBeGreaterThanOrEqual(report.at);
      },
    });
    timings.push(`${name}: ${ms}`);
  }
  const events = await listBootEvents(
    { actor: testActor("viewer"), input: { server: "pi5-node1" } },
    { db: db() },
  );
  expect(events).toHaveLength(boots.length);
  for (const event of events)
    expect(event).toMatchObject({ server: "pi5-node1", mac: boardMac, ip: "10.0.2.15" });
});
