import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionState } from "@/lib/auth/session";
import { bootEventsFor } from "@/lib/timeline/boot-events";
import { bootWorld } from "@/tests/bootmedia/support/boot-world";
import {
  consoleRoutes,
  signedIn,
  type ConsoleRoutes,
} from "@/tests/bootmedia/support/console-routes";
import { tokenInScript } from "@/tests/bootmedia/support/test-deps";

const session = vi.hoisted(() => ({ state: { kind: "anonymous" } as SessionState }));
vi.mock("@/lib/auth/session", () => ({ requestActor: async () => session.state }));

const world = await bootWorld({
  hardware: [
    {
      name: "rack1-node1",
      mac: "52:54:00:12:34:56",
      ip: { address: "10.0.2.15", netmask: "255.255.255.0", gateway: "10.0.2.2" },
    },
    { name: "board1", mac: "52:54:00:12:34:57", arch: "aarch64" },
  ],
});
Object.assign(process.env, world.env);
const { applyMigrations } = await import("@/lib/db/migrate");
const { db } = await import("@/lib/db");
const { bootMediaParts } = await import("@/lib/runtime/boot-media");
const { revokeServerTokens } = await import("@/lib/bootmedia/revoke-server-tokens");
const { maxBootReportsPerToken } = await import("@/lib/bootmedia/record-media-boot");

const origin = "http://127.0.0.1:3000";
let routes: ConsoleRoutes;

async function call(
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const response = await routes.handle(
    new Request(`${origin}${path}`, { method, headers: { origin, ...headers } }),
  );
  if (response === undefined) throw new Error(`no route for ${path}`);
  return response;
}

async function makeMedia(): Promise<{ location: string; token: string; sha256: string }> {
  session.state = signedIn("operator");
  const response = await call("POST", "/api/media/servers/rack1-node1?arch=x86_64&format=iso");
  expect(response.status).toBe(303);
  const body = (await response.json()) as { ticketId: string; sha256: string };
  const ticket = bootMediaParts().tickets.get(body.ticketId, new Date());
  if (ticket === undefined) throw new Error("no ticket");
  return {
    location: response.headers.get("location") ?? "",
    token: tokenInScript(ticket.script),
    sha256: body.sha256,
  };
}

beforeAll(async () => {
  await applyMigrations({ databaseUrl: world.env.DATABASE_URL });
  routes = await consoleRoutes();
});
afterAll(async () => {
  await db().$disconnect();
  await world.close();
});
beforeEach(() => {
  session.state = { kind: "anonymous" };
});

describe("bad input", () => {
  it.each([
    ["GET", "/api/media/generic", "anonymous", 401],
    ["GET", "/api/media/generic?arch=sparc", "viewer", 400],
    ["GET", "/api/media/generic?format=floppy", "viewer", 400],
    ["GET", "/api/media/generic?arch=", "viewer", 400],
    ["GET", "/api/media/generic?arch=arm64&format=usb", "viewer", 200],
    ["GET", "/api/media/generic?arch=aarch64&format=usb", "viewer", 200],
    ["HEAD", "/api/media/generic", "viewer", 200],
    ["POST", "/api/media/servers/rack1-node1", "viewer", 403],
    ["POST", "/api/media/servers/rack9-node9", "viewer", 403],
    ["POST", "/api/media/servers/rack9-node9", "operator", 404],
    ["POST", "/api/media/servers/Not_A_Name", "operator", 400],
    ["POST", "/api/media/servers/rack1.node1", "operator", 400],
    ["POST", "/api/media/servers/rack1-node1?arch=mips", "operator", 400],
    ["POST", "/api/media/servers/board1?arch=arm64&format=usb", "operator", 303],
    // Its Hardware says x86_64: arm64 media would not start.
    ["POST", "/api/media/servers/rack1-node1?arch=arm64&format=usb", "operator", 400],
    ["POST", "/api/media/servers/rack1-node1?format=cdrom", "operator", 400],
    [
      "GET",
      "/api/media/downloads/no-such-ticket-but-well-formed-0123456789abcdef",
      "operator",
      404,
    ],
    ["GET", "/api/media/downloads/bad%20ticket", "operator", 400],
    ["GET", "/api/media/downloads/no-such-ticket-but-well-formed-0123456789abcdef", "viewer", 403],
  ] as const)("%s %s as %s: %i", async (method, path, role, status) => {
    session.state = role === "anonymous" ? { kind: "anonymous" } : signedIn(role);
    const response = await call(method, path);
    expect(response.status).toBe(status);
    if (status >= 400 && status !== 401) {
      const body = (await response.json()) as { error: string };
      expect(body.error.length).toBeGreaterThan(0);
    }
  });

  it("refuses a cross-site POST for per-server media", async () => {
    session.state = signedIn("operator");
    const response = await call("POST", "/api/media/servers/rack1-node1", {
      origin: "https://evil.example",
    });
    expect(response.status).toBe(403);
  });
});

describe("per-server downloads and the boot endpoint", () => {
  it("downloads per-server media with the promised SHA-256, resumable by If-Range", async () => {
    const { location, sha256 } = await makeMedia();
    const path = new URL(location, "http://console.test").pathname;
    const full = await call("GET", path);
    expect(full.status).toBe(200);
    expect(full.headers.get("etag")).toBe(`"${sha256}"`);
    const bytes = Buffer.from(await full.arrayBuffer());
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(sha256);
    const rest = await call("GET", path, { range: "bytes=1000000-", "if-range": `"${sha256}"` });
    expect(rest.status).toBe(206);
    expect(Buffer.from(await rest.arrayBuffer()).equals(bytes.subarray(1_000_000))).toBe(true);
  });

  it("records a boot for a live token and answers with an iPXE script", async () => {
    const { token } = await makeMedia();
    session.state = { kind: "anonymous" };
    const response = await call(
      "GET",
      `/api/boot/media/${token}?mac=52-54-00-12-34-56&ip=10.0.2.15`,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^#!ipxe\n/);
  });

  it.each([
    ["an unknown token", () => Promise.resolve("A".repeat(43))],
    ["a malformed token", () => Promise.resolve("not-a-token")],
    [
      "a revoked token",
      async () => {
        const { token } = await makeMedia();
        await revokeServerTokens("rack1-node1", "reprovisioned", bootMediaParts());
        return token;
      },
    ],
  ])("answers 403 to %s and records nothing", async (_name, tokenOf) => {
    const token = await tokenOf();
    session.state = { kind: "anonymous" };
    const events = await db().bootEvent.count();
    const audits = await db().auditEntry.count({ where: { action: "boot-from-media" } });
    const response = await call(
      "GET",
      `/api/boot/media/${token}?mac=52-54-00-12-34-56&ip=10.0.2.15`,
    );
    expect(response.status).toBe(403);
    expect(await db().bootEvent.count()).toBe(events);
    expect(await db().auditEntry.count({ where: { action: "boot-from-media" } })).toBe(audits);
  });

  it("answers 403 to a MAC that is not the server's, and records nothing", async () => {
    const { token } = await makeMedia();
    session.state = { kind: "anonymous" };
    const events = await db().bootEvent.count();
    const response = await call(
      "GET",
      `/api/boot/media/${token}?mac=52-54-00-99-99-99&ip=10.0.2.15`,
    );
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toBe(
      "52:54:00:99:99:99 is not a network port of rack1-node1, whose boot medium this is.",
    );
    expect(await db().bootEvent.count()).toBe(events);
  });

  it("records a medium's boots up to its allowance, then answers 409 and records no more", async () => {
    const { token } = await makeMedia();
    session.state = { kind: "anonymous" };
    const report = () => call("GET", `/api/boot/media/${token}?mac=52-54-00-12-34-56&ip=10.0.2.15`);
    for (let boot = 0; boot < maxBootReportsPerToken; boot += 1) {
      expect((await report()).status).toBe(200);
    }
    const events = await db().bootEvent.count();
    const over = await report();
    expect(over.status).toBe(409);
    expect(await db().bootEvent.count()).toBe(events);
  });

  it("records Smee's refusal once after a boot, as the server's timeline reads it", async () => {
    const { token } = await makeMedia();
    session.state = { kind: "anonymous" };
    const query = "mac=52-54-00-12-34-56&ip=10.0.2.15";
    const refusal = () => call("GET", `/api/boot/media/${token}?${query}&event=netboot-refused`);
    // A refusal with no boot before it is no boot of this medium's.
    expect((await refusal()).status).toBe(409);
    expect((await call("GET", `/api/boot/media/${token}?${query}`)).status).toBe(200);
    const recorded = await refusal();
    expect(recorded.status).toBe(200);
    expect(await recorded.text()).toContain("refusal of rack1-node1 recorded");
    // Asked again (an answer lost on the way): the same refusal, not a second one.
    expect((await refusal()).status).toBe(200);
    const kinds = await db().bootEvent.findMany({
      where: { serverName: "rack1-node1", tokenId: { not: null } },
      orderBy: { occurredAt: "asc" },
      select: { kind: true },
    });
    expect(kinds.slice(-2).map((row) => row.kind)).toEqual(["booted", "netboot-refused"]);
    expect(
      await db().bootEvent.count({ where: { kind: "netboot-refused", serverName: "rack1-node1" } }),
    ).toBe(1);
    expect(await db().auditEntry.count({ where: { action: "netboot-refused" } })).toBeGreaterThan(
      0,
    );
    const timeline = await bootEventsFor("rack1-node1", db());
    expect(timeline.at(-1)).toMatchObject({
      kind: "netboot-refused",
      detail: "52:54:00:12:34:56 at 10.0.2.15",
    });
  });

  it("answers 400 to an event the media never report", async () => {
    const { token } = await makeMedia();
    session.state = { kind: "anonymous" };
    const response = await call("GET", `/api/boot/media/${token}?mac=52-54-00-12-34-56&event=x`);
    expect(response.status).toBe(400);
  });

  it("answers 400 to a live token with a malformed MAC", async () => {
    const { token } = await makeMedia();
    const response = await call("GET", `/api/boot/media/${token}?mac=zz&ip=10.0.2.15`);
    expect(response.status).toBe(400);
  });
});

describe("npm run boot-media", () => {
  it("writes the same bytes the generic download serves", async () => {
    const { execFile } = await import("node:child_process");
    const { promisify } = await import("node:util");
    const { readFile } = await import("node:fs/promises");
    const out = `${world.dir}/cli-generic.img`;
    await promisify(execFile)(
      process.execPath,
      [
        require.resolve("tsx/cli"),
        "--conditions=react-server",
        "scripts/boot-media.ts",
        "--out",
        out,
        "--format",
        "usb",
      ],
      { env: { ...process.env, ...world.env } },
    );
    session.state = signedIn("viewer");
    const served = Buffer.from(
      await (await call("GET", "/api/media/generic?format=usb")).arrayBuffer(),
    );
    expect((await readFile(out)).equals(served)).toBe(true);
  });
});
