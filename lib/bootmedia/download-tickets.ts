import { randomBytes } from "node:crypto";
import type { MediaKind } from "@/lib/bootmedia/schema";

/**
 * A per-server download, kept in this process's memory only, so that resuming it (Range,
 * If-Range) yields the same bytes. The database holds only the token's hash; a restart forgets
 * tickets, and a person makes new media.
 */
export type DownloadTicket = {
  id: string;
  server: string;
  kind: MediaKind;
  tokenId: string;
  /** The script patched into the image; it holds the token, so it lives in memory only. */
  script: string;
  createdById: string;
  expiresAt: Date;
};

export type DownloadTickets = {
  add(ticket: Omit<DownloadTicket, "id">, now: Date): DownloadTicket;
  get(id: string, now: Date): DownloadTicket | undefined;
  forgetToken(tokenId: string): void;
};

export function createDownloadTickets(
  options: { maxTickets?: number; lifetimeMs?: number } = {},
): DownloadTickets {
  const maxTickets = options.maxTickets ?? 500;
  const lifetimeMs = options.lifetimeMs ?? 60 * 60 * 1000;
  const tickets = new Map<string, DownloadTicket>();
  return {
    add(ticket, now) {
      const id = randomBytes(18).toString("base64url");
      const expiresAt = new Date(Math.min(ticket.expiresAt.getTime(), now.getTime() + lifetimeMs));
      const entry = { ...ticket, id, expiresAt };
      tickets.set(id, entry);
      // Maps iterate in insertion order: the first key is the oldest ticket.
      for (const oldest of tickets.keys()) {
        if (tickets.size <= maxTickets) break;
        tickets.delete(oldest);
      }
      return entry;
    },
    get(id, now) {
      const ticket = tickets.get(id);
      if (ticket === undefined) return undefined;
      if (ticket.expiresAt <= now) {
        tickets.delete(id);
        return undefined;
      }
      return ticket;
    },
    forgetToken(tokenId) {
      for (const [id, ticket] of tickets) if (ticket.tokenId === tokenId) tickets.delete(id);
    },
  };
}
