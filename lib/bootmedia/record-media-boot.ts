import { z } from "zod";
import { bootActor } from "@/lib/bootmedia/boot-actor";
import type { BootMediaDeps } from "@/lib/bootmedia/deps";
import { enrollmentTokenSchema, hashEnrollmentToken } from "@/lib/bootmedia/enrollment-token";
import { ipv4Schema, macSchema } from "@/lib/bootmedia/schema";
import { readHardware } from "@/lib/bootmedia/read-hardware";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { audited, parseInput } from "@/lib/verb";
import { badRequestSummary } from "@/lib/field-issues";

/** What the media report: that they booted, or that Smee then gave them nothing to boot. */
export const bootEventKinds = ["booted", "netboot-refused"] as const;
export type BootEventKind = (typeof bootEventKinds)[number];

export const bootReportSchema = z.object({
  mac: macSchema,
  // iPXE expands an unset address to nothing.
  ip: z.union([ipv4Schema, z.literal("").transform(() => undefined)]).optional(),
  event: z.enum(bootEventKinds).default("booted"),
});

export type BootEventView = {
  id: string;
  server: string;
  mac: string;
  ip: string | null;
  kind: BootEventKind;
  occurredAt: Date;
};

/** A row's kind as the database holds it; anything else was not written by this console. */
export function bootEventKind(stored: string): BootEventKind {
  return bootEventKinds.find((kind) => kind === stored) ?? "booted";
}

/** A medium that reports more boots than this is looping; more would only fill the timeline. */
export const maxBootReportsPerToken = 20;

const refused = () =>
  new ForbiddenError("This boot medium's token is unknown, expired or revoked.");

/**
 * A server booted from its media and called home, or then found that Smee had nothing for it
 * (public: the token is the credential). An unknown, expired or revoked token, a MAC that is not
 * the server's, boots beyond the medium's allowance and a refusal with no boot before it are
 * refused before anything is written anywhere.
 */
export async function recordMediaBoot(
  { input }: { input: { token: unknown; mac: unknown; ip: unknown; event?: unknown } },
  deps: BootMediaDeps,
): Promise<BootEventView> {
  const token = enrollmentTokenSchema.safeParse(input.token);
  if (!token.success) throw refused();
  const now = deps.now();
  const row = await deps.db.enrollmentToken.findUnique({
    where: { tokenHash: hashEnrollmentToken(token.data) },
  });
  // A first-boot enrollment token is not a boot medium's: it never reports a boot.
  if (
    row === null ||
    row.purpose !== "boot-media" ||
    row.revokedAt !== null ||
    row.expiresAt <= now
  )
    throw refused();
  const { mac, ip, event } = parseInput(
    bootReportSchema,
    { mac: input.mac, ip: input.ip, event: input.event },
    badRequestSummary,
  );
  const server = row.serverName;
  // The medium finds its port by the server's MAC, so it reports that MAC and no other.
  const hardware = await readHardware(await deps.headTree(), server);
  if (!hardware.interfaces.some((nic) => nic.dhcp?.mac === mac)) {
    throw new ForbiddenError(
      `${mac} is not a network port of ${server}, whose boot medium this is.`,
    );
  }
  if (event === "booted") {
    const boots = await deps.db.bootEvent.count({
      where: { serverName: server, tokenId: row.id, kind: "booted" },
    });
    if (boots >= maxBootReportsPerToken) {
      throw new ConflictError(
        `This boot medium has reported ${maxBootReportsPerToken} boots already; later boots are not recorded.`,
      );
    }
  } else {
    // One refusal per boot: the media report it once, however often they then ask Smee again.
    const latest = await deps.db.bootEvent.findFirst({
      where: { serverName: server, tokenId: row.id },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    });
    if (latest?.kind !== "booted") {
      throw new ConflictError(
        "This boot medium reported no boot since its last refusal; the refusal is not recorded.",
      );
    }
  }
  return audited(
    deps.audit,
    {
      actor: bootActor(server),
      action: event === "booted" ? "boot-from-media" : "netboot-refused",
      target: server,
    },
    async () => {
      const stored = await deps.db.bootEvent.create({
        data: {
          serverName: server,
          tokenId: row.id,
          mac,
          ip: ip ?? null,
          kind: event,
          occurredAt: now,
        },
      });
      return {
        id: stored.id,
        server,
        mac,
        ip: stored.ip,
        kind: event,
        occurredAt: stored.occurredAt,
      };
    },
  );
}
