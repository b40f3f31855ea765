import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionState } from "@/lib/auth/session";
import { bootWorld } from "@/tests/bootmedia/support/boot-world";
import { consoleRoutes, signedIn } from "@/tests/bootmedia/support/console-routes";
import { startRouteServer } from "@/tests/bootmedia/support/route-server";
import { bootInQemu } from "@/tests/bootmedia/qemu/qemu-run";

/*
 * The boot path of docs/decisions/008-boot-path.md, with real firmware, the console's real media
 * and the kernel's real routing. QEMU runs in a network namespace of its own, the home lab,
 * whose only route is the one the docs name: 100.64.0.0/10 through the subnet router (a second
 * namespace that forwards). The control plane's tailnet address is 100.100.77.2 in this one,
 * where a stand-in Smee (a recording HTTP server: Tinkerbell cannot be built here) listens, and
 * its route back to the lab is what `tailscale up --accept-routes` gives the control plane.
 * Tailscale does not run: the router is plain forwarding, as a subnet router started with
 * --snat-subnet-routes=false (what the decision tells users) forwards.
 */
const session = vi.hoisted(() => ({ state: { kind: "anonymous" } as SessionState }));
vi.mock("@/lib/auth/session", () => ({ requestActor: async () => session.state }));

const inCi = process.env.CI === "true";
const isRoot = process.getuid?.() === 0;
if (inCi && !isRoot) throw new Error("the lab network test makes network namespaces: run as root");

const tag = String(process.pid % 100_000);
const lab = `fl-lab-${tag}`;
const router = `fl-rtr-${tag}`;
const hostEnd = `fl-h${tag}`;
const controlPlane = "100.100.77.2";
const labPrefix = "192.168.77.0/24";
const labMachine = "192.168.77.10";
const ip = (...args: string[]): string => execFileSync("ip", args, { encoding: "utf8" });
const returnRoute = [labPrefix, "via", "100.100.77.1"];

function makeLab(): void {
  // The host's own network gets one address and one route: refuse rather than shadow a real one.
  const taken = `${ip("-o", "addr")}${ip("route")}`;
  if (/100\.100\.77\.|192\.168\.77\./.test(taken))
    throw new Error(
      "100.100.77.0/24 or 192.168.77.0/24 is in use on this host; the test needs both",
    );
  try {
    makeLabNetworks();
  } catch (error) {
    removeLab();
    throw error;
  }
}

function makeLabNetworks(): void {
  ip("netns", "add", lab);
  ip("netns", "add", router);
  ip("link", "add", `fl-l${tag}`, "type", "veth", "peer", "name", `fl-rl${tag}`);
  ip("link", "set", `fl-l${tag}`, "netns", lab);
  ip("link", "set", `fl-rl${tag}`, "netns", router);
  ip("link", "add", `fl-rt${tag}`, "type", "veth", "peer", "name", hostEnd);
  ip("link", "set", `fl-rt${tag}`, "netns", router);
  ip("-n", lab, "addr", "add", `${labMachine}/24`, "dev", `fl-l${tag}`);
  ip("-n", router, "addr", "add", "192.168.77.1/24", "dev", `fl-rl${tag}`);
  ip("-n", router, "addr", "add", "100.100.77.1/24", "dev", `fl-rt${tag}`);
  for (const [ns, dev] of [
    [lab, `fl-l${tag}`],
    [lab, "lo"],
    [router, `fl-rl${tag}`],
    [router, `fl-rt${tag}`],
    [router, "lo"],
  ] as const)
    ip("-n", ns, "link", "set", dev, "up");
  ip("netns", "exec", router, "sysctl", "-qw", "net.ipv4.ip_forward=1");
  ip("-n", lab, "route", "add", "100.64.0.0/10", "via", "192.168.77.1");
  ip("addr", "add", `${controlPlane}/24`, "dev", hostEnd);
  ip("link", "set", hostEnd, "up");
  ip("route", "add", ...returnRoute);
}

function removeLab(): void {
  for (const args of [
    ["route", "del", ...returnRoute],
    ["link", "del", hostEnd],
    ["netns", "del", lab],
    ["netns", "del", router],
  ])
    try {
      ip(...args);
    } catch {
      // Already gone.
    }
}

type SmeeHit = { path: string; from: string; at: number };

describe.runIf(isRoot)("a home-lab server boots to the control plane's tailnet address", () => {
  const hits: SmeeHit[] = [];
  let smeePort = 0;
  let iso = "";
  let closeAll = async (): Promise<void> => undefined;

  beforeAll(async () => {
    makeLab();
    const smee = createServer((request, response) => {
      hits.push({
        path: request.url ?? "/",
        from: request.socket.remoteAddress ?? "",
        at: Date.now(),
      });
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("#!ipxe\necho Metal Foundry test: reached Smee over the tailnet\nsleep 600\n");
    });
    await new Promise<void>((resolve) => smee.listen(0, controlPlane, resolve));
    smeePort = (smee.address() as AddressInfo).port;

    const consoleServer = await startRouteServer();
    // The repository needs one commit; generic media do not read it.
    const world = await bootWorld({
      hardware: [
        {
          name: "lab-node1",
          mac: "52:54:00:77:00:ff",
          ip: { address: "10.0.2.15", netmask: "255.255.255.0", gateway: "10.0.2.2" },
          nameServers: ["10.0.2.3"],
        },
      ],
      publicUrl: `https://foundry.example.org`,
      smeeUrl: `http://${controlPlane}:${smeePort}`,
    });
    Object.assign(process.env, world.env);
    const { applyMigrations } = await import("@/lib/db/migrate");
    await applyMigrations({ databaseUrl: world.env.DATABASE_URL });
    const routes = await consoleRoutes();
    consoleServer.use((request) => routes.handle(request));
    session.state = signedIn("viewer");
    const response = await fetch(
      `http://127.0.0.1:${consoleServer.port}/api/media/generic?arch=x86_64&format=iso`,
      { headers: { origin: "http://127.0.0.1:3000" } },
    );
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get("etag")).toBe(
      `"${createHash("sha256").update(bytes).digest("hex")}"`,
    );
    iso = path.join(world.dir, "generic.iso");
    await writeFile(iso, bytes);
    closeAll = async () => {
      await new Promise<void>((resolve) => smee.close(() => resolve()));
      await consoleServer.close();
      await world.close();
    };
  });

  afterAll(async () => {
    removeLab();
    await closeAll();
  });

  const boot = (mac: string, timeoutMs: number) =>
    bootInQemu({
      name: `lab-${mac}`,
      image: iso,
      firmware: "seabios",
      attachment: "cd",
      mac,
      workDir: path.dirname(iso),
      timeoutMs,
      netns: lab,
      done: () =>
        expect
          .poll(() => hits.some((h) => h.path === `/${mac.replaceAll(":", "-")}/auto.ipxe`), {
            // Longer than the boot's own limit, so a boot that never gets there says so.
            timeout: timeoutMs + 5_000,
            interval: 1_000,
          })
          .toBe(true),
    });

  it("has no route out of the lab but the subnet router's", () => {
    const routes = ip("-n", lab, "route", "show")
      .trim()
      .split("\n")
      .map((route) => route.trim());
    expect(routes.sort()).toEqual(
      [
        `100.64.0.0/10 via 192.168.77.1 dev fl-l${tag}`,
        `192.168.77.0/24 dev fl-l${tag} proto kernel scope link src ${labMachine}`,
      ].sort(),
    );
  });

  it("reaches Smee through the subnet router, from its own LAN address", async () => {
    const mac = "52:54:00:77:00:01";
    await boot(mac, 150_000);
    const hit = hits.find((h) => h.path === `/${mac.replaceAll(":", "-")}/auto.ipxe`);
    // Not translated on the way: Smee sees the lab's address, which it answers by the route back.
    expect(hit?.from).toBe(labMachine);
  });

  it("does not reach it when the control plane has no route back to the lab (no --accept-routes)", async () => {
    ip("route", "del", ...returnRoute);
    const mac = "52:54:00:77:00:02";
    // The same media reached Smee within seconds above; half a minute is ample.
    await expect(boot(mac, 30_000)).rejects.toThrow(/no boot within/);
    expect(hits.some((h) => h.path.includes("52-54-00-77-00-02"))).toBe(false);
    ip("route", "add", ...returnRoute);
  });
});
