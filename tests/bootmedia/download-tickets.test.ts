import { describe, expect, it } from "vitest";
import { createDownloadTickets, ticketIdSchema } from "@/lib/bootmedia/download-tickets";

const secret = "replicas-share-this-auth-secret-32-chars";
const token = "Zk3tq0c1bG9uZy1yYW5kb20tdG9rZW4tdGhhdC1pcy1zZWNyZXQ";
const now = new Date("2026-12-03T12:00:00Z");
const made = {
  server: "rack1-node3",
  kind: { arch: "x86_64", format: "usb" },
  tokenId: "cmtoken00000001",
  script: `#!ipxe\nchain http://10.0.0.1:3000/api/boot/media/${token}?mac=\${net0/mac}\n`,
  createdById: "user-1",
  expiresAt: new Date(now.getTime() + 24 * 3_600_000),
} as const;

describe("download tickets any replica can open", () => {
  it("opens on another replica sharing the secret, with the same script, until it expires", () => {
    const ticket = createDownloadTickets({ secret }).add(made, now);
    const other = createDownloadTickets({ secret });
    expect(other.get(ticket.id, now)).toEqual({
      ...made,
      id: ticket.id,
      expiresAt: new Date(now.getTime() + 3_600_000),
    });
    expect(ticketIdSchema.safeParse(ticket.id).success).toBe(true);
    expect(other.get(ticket.id, new Date(now.getTime() + 3_600_000))).toBeUndefined();
  });

  it("never opens with another secret, altered, or cut short", () => {
    const ticket = createDownloadTickets({ secret }).add(made, now);
    expect(
      createDownloadTickets({ secret: "another-console-s-secret-of-32-chars" }).get(ticket.id, now),
    ).toBeUndefined();
    const tickets = createDownloadTickets({ secret });
    const bytes = Buffer.from(ticket.id, "base64url");
    for (const at of [0, 20, bytes.length - 1]) {
      const altered = Buffer.from(bytes);
      altered[at] = (altered[at] ?? 0) ^ 1;
      expect(tickets.get(altered.toString("base64url"), now)).toBeUndefined();
    }
    expect(tickets.get(ticket.id.slice(0, 30), now)).toBeUndefined();
  });

  it("does not show the token it carries", () => {
    const ticket = createDownloadTickets({ secret }).add(made, now);
    expect(ticket.id).not.toContain(token.slice(0, 12));
    expect(Buffer.from(ticket.id, "base64url").toString("latin1")).not.toContain(
      token.slice(0, 12),
    );
  });
});
