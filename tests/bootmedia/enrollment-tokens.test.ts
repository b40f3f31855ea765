import { afterAll, beforeAll, expect, it } from "vitest";
import { createServerMedia } from "@/lib/bootmedia/create-server-media";
import { downloadGenericMedia } from "@/lib/bootmedia/download-generic-media";
import { hashEnrollmentToken } from "@/lib/bootmedia/enrollment-token";
import { listBootEvents } from "@/lib/bootmedia/list-boot-events";
import { listEnrollmentTokens } from "@/lib/bootmedia/list-enrollment-tokens";
import { openServerMedia } from "@/lib/bootmedia/open-server-media";
import { recordMediaBoot } from "@/lib/bootmedia/record-media-boot";
import { revokeEnrollmentToken } from "@/lib/bootmedia/revoke-enrollment-token";
import { revokeServerTokens } from "@/lib/bootmedia/revoke-server-tokens";
import { createDatabaseClient, type DatabaseClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { person, testDeps, tokenInScript } from "@/tests/bootmedia/support/test-deps";
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from "@/tests/db/support/databases";

const hardware = [
  { name: "rack1-node1", mac: "52:54:00:aa:00:01" },
  { name: "rack1-node2", mac: "52:54:00:aa:00:02" },
  {
    name: "with-bmc",
    mac: "52:54:00:aa:00:03",
    bmc: { address: "10.0.9.3", secretName: "with-bmc-bmc" },
  },
  { name: "board1", mac: "52:54:00:aa:00:04", arch: "aarch64" as const },
];
const operator = person("operator", "olga");
const viewer = person("viewer", "vic");
const hour = 3_600_000;

describeEachDatabase("enrollment tokens", (provider) => {
  let database: TestDatabase;
  let db: DatabaseClient;
  let deps: ReturnType<typeof testDeps>;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await applyMigrations({ databaseUrl: database.url });
    db = createDatabaseClient(database.url);
    deps = testDeps(db, hardware);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  async function mediaFor(server: string) {
    const media = await createServerMedia({ actor: operator, input: { server } }, deps);
    const ticket = deps.tickets.get(media.ticketId, deps.clock.now);
    if (ticket === undefined) throw new Error("no ticket");
    return { media, token: tokenInScript(ticket.script) };
  }
  // The medium reports the MAC of its own server's port, as its script finds the port by it.
  const macOf = (server: string) =>
    (hardware.find((item) => item.name === server)?.mac ?? "").replaceAll(":", "-");
  const boot = (token: string, server = "rack1-node1") =>
    recordMediaBoot({ input: { token, mac: macOf(server), ip: "10.0.2.15" } }, deps);
  const bootEvents = async (server: string) =>
    listBootEvents({ actor: viewer, input: { server } }, deps);

  it("keeps only the SHA-256 of a random 256-bit token, expiring after 24 hours", async () => {
    const { media, token } = await mediaFor("rack1-node1");
    const row = await db.enrollmentToken.findUniqueOrThrow({ where: { id: media.tokenId } });
    expect(row.tokenHash).toBe(hashEnrollmentToken(token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - deps.clock.now.getTime()).toBe(24 * hour);
    const other = await mediaFor("rack1-node1");
    expect(other.token).not.toBe(token);
    expect(deps.audit.entries.map((entry) => entry.action)).toContain("create-boot-media");
  });

  it("records a boot with a live token, for the timeline and the audit", async () => {
    const { token } = await mediaFor("rack1-node1");
    const before = (await bootEvents("rack1-node1")).length;
    const event = await boot(token);
    expect(event).toMatchObject({
      server: "rack1-node1",
      mac: "52:54:00:aa:00:01",
      ip: "10.0.2.15",
    });
    const events = await bootEvents("rack1-node1");
    expect(events).toHaveLength(before + 1);
    expect(events[0]).toMatchObject({ mac: "52:54:00:aa:00:01", ip: "10.0.2.15" });
    expect(deps.audit.entries.at(-1)).toMatchObject({
      action: "boot-from-media",
      target: "rack1-node1",
    });
  });

  it("records one refusal per boot however many arrive at once; the media page counts boots only", async () => {
    const { media, token } = await mediaFor("rack1-node1");
    await boot(token);
    const refuse = () =>
      recordMediaBoot(
        { input: { token, mac: macOf("rack1-node1"), ip: "10.0.2.15", event: "netboot-refused" } },
        deps,
      );
    const answers = await Promise.all(Array.from({ length: 10 }, refuse));
    expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
    expect(answers[0]).toMatchObject({ kind: "netboot-refused", server: "rack1-node1" });
    expect(
      await db.bootEvent.count({ where: { tokenId: media.tokenId, kind: "netboot-refused" } }),
    ).toBe(1);
    const listed = await listEnrollmentTokens({ actor: viewer, input: {} }, deps);
    expect(listed.find((row) => row.id === media.tokenId)?.boots).toBe(1);
  });

  it("refuses an expired token and writes nothing", async () => {
    const { token } = await mediaFor("rack1-node2");
    const audits = deps.audit.entries.length;
    deps.clock.now = new Date(deps.clock.now.getTime() + 24 * hour + 1);
    try {
      await expect(boot(token, "rack1-node2")).rejects.toBeInstanceOf(ForbiddenError);
    } finally {
      deps.clock.now = new Date(deps.clock.now.getTime() - 24 * hour - 1);
    }
    expect(await bootEvents("rack1-node2")).toHaveLength(0);
    expect(deps.audit.entries).toHaveLength(audits);
  });

  it("refuses unknown and malformed tokens", async () => {
    await expect(boot("A".repeat(43))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(boot("short")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(boot("../../etc/passwd")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("revokes one token from the UI: no more boots, no more downloads, off the live list", async () => {
    const { media, token } = await mediaFor("rack1-node2");
    const live = await listEnrollmentTokens({ actor: viewer, input: {} }, deps);
    expect(live.map((item) => item.id)).toContain(media.tokenId);
    await expect(
      revokeEnrollmentToken({ actor: viewer, input: { tokenId: media.tokenId } }, deps),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await revokeEnrollmentToken({ actor: operator, input: { tokenId: media.tokenId } }, deps);
    await expect(boot(token, "rack1-node2")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      openServerMedia({ actor: operator, input: { ticket: media.ticketId } }, deps),
    ).rejects.toBeInstanceOf(NotFoundError);
    const after = await listEnrollmentTokens({ actor: viewer, input: {} }, deps);
    expect(after.map((item) => item.id)).not.toContain(media.tokenId);
    await expect(
      revokeEnrollmentToken({ actor: operator, input: { tokenId: media.tokenId } }, deps),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("revokes every token of a decommissioned server, and only those", async () => {
    const one = await mediaFor("rack1-node1");
    const two = await mediaFor("rack1-node1");
    const neighbour = await mediaFor("rack1-node2");
    expect(await revokeServerTokens("rack1-node1", "decommissioned", deps)).toBeGreaterThanOrEqual(
      2,
    );
    await expect(boot(one.token)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(boot(two.token)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(boot(neighbour.token, "rack1-node2")).resolves.toMatchObject({
      server: "rack1-node2",
    });
    const row = await db.enrollmentToken.findUniqueOrThrow({ where: { id: one.media.tokenId } });
    expect(row.revokedReason).toBe("server decommissioned");
  });

  it("serves the same bytes for a ticket each time, and per-server media only to operators", async () => {
    const { media } = await mediaFor("rack1-node2");
    const first = await openServerMedia(
      { actor: operator, input: { ticket: media.ticketId } },
      deps,
    );
    const again = await openServerMedia(
      { actor: operator, input: { ticket: media.ticketId, audit: false } },
      deps,
    );
    expect(first.image.sha256).toBe(media.sha256);
    expect(again.image.sha256).toBe(media.sha256);
    await expect(
      openServerMedia({ actor: viewer, input: { ticket: media.ticketId } }, deps),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createServerMedia({ actor: viewer, input: { server: "rack1-node2" } }, deps),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      downloadGenericMedia({ actor: viewer, input: { arch: "arm64", format: "usb" } }, deps),
    ).resolves.toMatchObject({ fileName: "foundry-generic-arm64.img" });
  });

  it("refuses unknown servers", async () => {
    await expect(mediaFor("rack9-node9")).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.enrollmentToken.count({ where: { serverName: "rack9-node9" } })).toBe(0);
  });

  it("refuses a dotted name, by the rule servers are registered with", async () => {
    const dotted = createServerMedia({ actor: operator, input: { server: "rack1.node1" } }, deps);
    await expect(dotted).rejects.toBeInstanceOf(InvalidError);
    await expect(dotted).rejects.toThrow(
      "server must be lowercase letters, digits and '-', starting and ending with a letter or digit",
    );
    expect(await db.enrollmentToken.count({ where: { serverName: "rack1.node1" } })).toBe(0);
  });

  // The console writes allowPXE: false (the install's Workflow turns it on in the cluster), and a
  // BMC's Machine as a second document: media were refused for both, i.e. for every server it made.
  it("makes media for a server as the console wrote it, BMC and all", async () => {
    await mediaFor("with-bmc");
    expect(
      await db.enrollmentToken.count({ where: { serverName: "with-bmc", purpose: "boot-media" } }),
    ).toBe(1);
  });

  // Inside, boot media use Tinkerbell's aarch64; what people type and see still says arm64.
  it("takes arm64 or aarch64 alike, and names the files and the audit arm64 as before", async () => {
    for (const arch of ["arm64", "aarch64"]) {
      await expect(
        downloadGenericMedia({ actor: viewer, input: { arch, format: "usb" } }, deps),
      ).resolves.toMatchObject({ fileName: "foundry-generic-arm64.img" });
      expect(deps.audit.entries.at(-1)).toMatchObject({
        action: "download-boot-media",
        target: "generic arm64 usb",
      });
    }
    const media = await createServerMedia(
      { actor: operator, input: { server: "board1", arch: "aarch64", format: "iso" } },
      deps,
    );
    expect(media).toMatchObject({
      arch: "arm64",
      format: "iso",
      fileName: "foundry-board1-arm64.iso",
    });
  });

  it("refuses media of the other architecture than the server's Hardware says", async () => {
    const rows = await db.enrollmentToken.count();
    await expect(
      createServerMedia(
        { actor: operator, input: { server: "board1", arch: "x86_64", format: "iso" } },
        deps,
      ),
    ).rejects.toMatchObject({
      fields: { arch: ["must be aarch64: board1's firmware cannot start x86_64 media"] },
    });
    await expect(
      createServerMedia(
        { actor: operator, input: { server: "rack1-node1", arch: "arm64", format: "usb" } },
        deps,
      ),
    ).rejects.toBeInstanceOf(InvalidError);
    expect(await db.enrollmentToken.count()).toBe(rows);
  });

  it("reads token rows that say arm64, as rows made before aarch64 do, as aarch64", async () => {
    const media = await createServerMedia(
      { actor: operator, input: { server: "board1", arch: "aarch64", format: "usb" } },
      deps,
    );
    await db.enrollmentToken.update({
      where: { id: media.tokenId },
      data: { arch: "arm64", format: "usb" },
    });
    const made = await createServerMedia(
      { actor: operator, input: { server: "board1", arch: "arm64", format: "usb" } },
      deps,
    );
    expect((await db.enrollmentToken.findUniqueOrThrow({ where: { id: made.tokenId } })).arch).toBe(
      "aarch64",
    );
    const live = await listEnrollmentTokens({ actor: viewer, input: { server: "board1" } }, deps);
    for (const id of [media.tokenId, made.tokenId]) {
      expect(live.find((token) => token.id === id)).toMatchObject({
        arch: "aarch64",
        format: "usb",
      });
    }
  });
});
