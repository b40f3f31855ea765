import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { z } from "zod";
import { mediaKindSchema, type MediaKind } from "@/lib/bootmedia/schema";

/**
 * A per-server download, so that resuming it (Range, If-Range) yields the same bytes on any
 * replica and after a restart. The ticket id is the download itself, sealed (AES-256-GCM, a key
 * derived from AUTH_SECRET): nothing is kept in memory or in the database but the token's hash,
 * whose row decides on every request whether the download is still allowed.
 */
export type DownloadTicket = {
  id: string;
  server: string;
  kind: MediaKind;
  tokenId: string;
  /** The script patched into the image; it holds the token, so it travels sealed. */
  script: string;
  createdById: string;
  expiresAt: Date;
};

export type DownloadTickets = {
  add(ticket: Omit<DownloadTicket, "id">, now: Date): DownloadTicket;
  /** Undefined for a ticket that is expired, forged, altered or sealed with another secret. */
  get(id: string, now: Date): DownloadTicket | undefined;
};

/** A sealed ticket in a URL path: base64url, the 4 KiB script slot deflated, with room to spare. */
export const ticketIdSchema = z
  .string({ error: "is required" })
  .regex(/^[A-Za-z0-9_-]{40,8000}$/, "is not a valid download ticket");

const sealedSchema = z.object({
  server: z.string(),
  kind: mediaKindSchema,
  tokenId: z.string(),
  script: z.string(),
  createdById: z.string(),
  expiresAt: z.number().int(),
});

const ivBytes = 12;
const tagBytes = 16;
// Bound into every ticket, so a sealed value made for another purpose with the same secret
// does not open here.
const purpose = Buffer.from("foundry download ticket v1");

export function createDownloadTickets(options: {
  secret: string;
  lifetimeMs?: number;
}): DownloadTickets {
  const lifetimeMs = options.lifetimeMs ?? 60 * 60 * 1000;
  const key = Buffer.from(hkdfSync("sha256", options.secret, "", purpose, 32));
  return {
    add(ticket, now) {
      const expiresAt = new Date(Math.min(ticket.expiresAt.getTime(), now.getTime() + lifetimeMs));
      const plain = deflateRawSync(
        JSON.stringify({ ...ticket, expiresAt: expiresAt.getTime() } satisfies z.input<
          typeof sealedSchema
        >),
      );
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(purpose);
      const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return { ...ticket, id: sealed.toString("base64url"), expiresAt };
    },
    get(id, now) {
      const sealed = Buffer.from(id, "base64url");
      if (sealed.length <= ivBytes + tagBytes) return undefined;
      let plain: Buffer;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, ivBytes));
        decipher.setAAD(purpose);
        decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
        plain = Buffer.concat([
          decipher.update(sealed.subarray(ivBytes, sealed.length - tagBytes)),
          decipher.final(),
        ]);
      } catch {
        return undefined;
      }
      const parsed = sealedSchema.safeParse(JSON.parse(inflateRawSync(plain).toString("utf8")));
      if (!parsed.success || parsed.data.expiresAt <= now.getTime()) return undefined;
      return { ...parsed.data, id, expiresAt: new Date(parsed.data.expiresAt) };
    },
  };
}
