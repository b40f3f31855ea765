import { z } from "zod";
import { bootActor } from "@/lib/bootmedia/boot-actor";
import type { BootMediaDeps } from "@/lib/bootmedia/deps";
import { enrollmentTokenSchema, hashEnrollmentToken } from "@/lib/bootmedia/enrollment-token";
import { ipv4Schema, macSchema } from "@/lib/bootmedia/schema";
import { readHardware } from "@/lib/bootmedia/read-hardware";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { audited, parseInput } from "@/lib/verb";
import { badRequestSummary } from "@/lib/field-issues";

export const bootReportSchema = z.object({
  mac: macSchema,
  // iPXE expands an unset address to nothing.
  ip: z.union([ipv4Schema, z.literal("").transform(() => undefined)]).optional(),
});

export type BootEventView = {
  id: string;
  server: string;
  mac: string;
  ip: string | null;
  occurredAt: Date;
};

/** A medium that reports more boots than this is looping; more would only fill the timeline. */
export const maxBootReportsPerToken = 20;

const refused = () =>
  new ForbiddenError("This boot medium's token is unknown, expired or revoked.");

/**
 * A server booted from its media and called home (public: the token is the credential). An
 * unknown, expired or revoked token, a MAC that is not the server's, and reports beyond the
 * medium's allowance are refused before anything is written anywhere.
 */
export async function recordMediaBoot(
  { input }: { input: { token: unknown; mac: unknown; ip: unknown } },
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
  const { mac, ip } = parseInput(
    bootReportSchema,
    { mac: input.mac, ip: input.ip },
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
  const reports = await deps.db.bootEvent.count({ where: { serverName: server, tokenId: row.id } });
  if (reports >= maxBootReportsPerToken) {
    throw new ConflictError(
      `This boot medium has reported ${maxBootReportsPerToken} boots already; later boots are not recorded.`,
    );
  }
  return audited(
    deps.audit,
    { actor: bootActor(server), action: "boot-from-media", target: server },
    async () => {
      const event = await deps.db.bootEvent.create({
        data: { serverName: server, tokenId: row.id, mac, ip: ip ?? null, occurredAt: now },
      });
      return { id: event.id, server, mac, ip: event.ip, occurredAt: event.occurredAt };
    },
  );
}
