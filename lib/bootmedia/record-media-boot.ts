import { z } from "zod";
import { bootActor } from "@/lib/bootmedia/boot-actor";
import type { BootMediaDeps } from "@/lib/bootmedia/deps";
import { enrollmentTokenSchema, hashEnrollmentToken } from "@/lib/bootmedia/enrollment-token";
import { ipv4Schema, macSchema } from "@/lib/bootmedia/schema";
import { readHardware } from "@/lib/bootmedia/read-hardware";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { audited, parseInput } from "@/lib/verb";
import { isUniqueViolation } from "@/lib/db/unique-violation";
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

type BootEventRow = {
  id: string;
  serverName: string;
  mac: string;
  ip: string | null;
  kind: string;
  occurredAt: Date;
};

export function viewOf(row: BootEventRow): BootEventView {
  const { id, serverName: server, mac, ip, occurredAt } = row;
  return { id, server, mac, ip, kind: bootEventKind(row.kind), occurredAt };
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
  }
  let refusalOf: string | undefined;
  if (event === "netboot-refused") {
    const latest = await deps.db.bootEvent.findFirst({
      where: { serverName: server, tokenId: row.id },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    });
    if (latest === null) {
      throw new ConflictError("This boot medium reported no boot; a refusal is not recorded.");
    }
    // The media may ask again after a lost answer: the boot's refusal is already there.
    if (latest.kind !== "booted") return viewOf(latest);
    refusalOf = latest.id;
  }
  return audited(
    deps.audit,
    {
      actor: bootActor(server),
      action: event === "booted" ? "boot-from-media" : "netboot-refused",
      target: server,
    },
    async () => {
      try {
        const data = { serverName: server, tokenId: row.id, mac, ip: ip ?? null, kind: event };
        return viewOf(
          await deps.db.bootEvent.create({ data: { ...data, refusalOf, occurredAt: now } }),
        );
      } catch (error) {
        // Two refusals of one boot at once: the database let the other one through.
        if (refusalOf === undefined || !isUniqueViolation(error)) throw error;
        return viewOf(await deps.db.bootEvent.findUniqueOrThrow({ where: { refusalOf } }));
      }
    },
  );
}
