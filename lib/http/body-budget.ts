/**
 * Bytes of request bodies that may be on their way in at once, in all and per client. Next.js
 * buffers a body before any route reads it, so what is in flight is what is held in memory.
 */
export type BodyBudget = {
  /** Reserves `bytes` for `client`'s body, or says no when the total or the client's share is full. */
  take(client: string, bytes: number): boolean;
  give(client: string, bytes: number): void;
  readonly inFlight: number;
};

export function bodyBudget(total: number, perClient: number): BodyBudget {
  let inFlight = 0;
  const byClient = new Map<string, number>();
  return {
    take(client, bytes) {
      const held = byClient.get(client) ?? 0;
      if (inFlight + bytes > total || held + bytes > perClient) return false;
      inFlight += bytes;
      byClient.set(client, held + bytes);
      return true;
    },
    give(client, bytes) {
      inFlight -= bytes;
      const left = (byClient.get(client) ?? 0) - bytes;
      if (left > 0) byClient.set(client, left);
      else byClient.delete(client);
    },
    get inFlight() {
      return inFlight;
    },
  };
}
