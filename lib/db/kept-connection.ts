import type { Client, ClientConfig } from "pg";

function reason(error: unknown): string {
  return error instanceof Error ? error.message : "unknown error";
}

/*
 * How long the server waits on a silent peer before it closes the session: a replica whose node
 * lost power lets go of its locks in about a minute, not after the kernel's two hours.
 */
export const sessionKeepalives = [
  "SET tcp_keepalives_idle = 30",
  "SET tcp_keepalives_interval = 10",
  "SET tcp_keepalives_count = 3",
];

export type KeptConnection = {
  /** Resolves once the first connection is set up; rejects if that first attempt failed. */
  ready: Promise<void>;
  /** The connection while it is up and set up; undefined between a loss and the next one. */
  current(): Client | undefined;
  close(): Promise<void>;
};

/**
 * One PostgreSQL connection of its own, kept open: when it fails it is made again after
 * `reconnectMs`, from one place and one attempt at a time, and every client that failed is ended.
 * `setUp` runs on each new connection (LISTEN, take a lock) before it counts as up.
 */
export function keptConnection(
  config: ClientConfig,
  options: {
    label: string;
    reconnectMs: number;
    setUp: (client: Client, first: boolean) => Promise<void>;
  },
): KeptConnection {
  let current: Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let attempt: Promise<void> | undefined;

  const schedule = () => {
    if (closed || timer !== undefined || attempt !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void open(false).catch(() => undefined);
    }, options.reconnectMs);
    timer.unref();
  };

  const open = (first: boolean): Promise<void> => {
    const made = (async () => {
      const { default: pg } = await import("pg");
      const client = new pg.Client({ ...config, keepAlive: true });
      let lost = false;
      const lose = (error: unknown) => {
        if (lost) return;
        lost = true;
        console.warn(`${options.label}: the connection failed: ${reason(error)}`);
        void client.end().catch(() => undefined);
        if (current === client) {
          current = undefined;
          schedule();
        }
      };
      client.on("error", lose);
      try {
        await client.connect();
        for (const statement of sessionKeepalives) await client.query(statement);
        await options.setUp(client, first);
        if (lost) throw new Error("the connection was lost while it was set up");
      } catch (error) {
        lose(error);
        throw error;
      }
      if (closed) {
        lost = true;
        await client.end().catch(() => undefined);
        return;
      }
      current = client;
    })().finally(() => {
      attempt = undefined;
    });
    attempt = made;
    // A failed attempt is tried again; the first one's failure also reaches `ready`.
    made.catch(() => schedule());
    return made;
  };

  return {
    ready: open(true),
    current: () => current,
    async close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      await attempt?.catch(() => undefined);
      const client = current;
      current = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}
