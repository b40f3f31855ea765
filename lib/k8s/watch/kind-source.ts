/** What a reflector needs from the API server for one kind: a list and a watch from a version. */
export type ListResult = { items: unknown[]; resourceVersion: string };

export type WatchEvent = { type: string; object: unknown };

export type WatchHandle = {
  /** Settles when the stream ends: undefined when closed normally, else the error. */
  ended: Promise<unknown>;
  /** Whether the server accepted the watch (answered 200) before it ended. */
  opened(): boolean;
  abort(): void;
};

export type KindSource = {
  list(): Promise<ListResult>;
  watch(resourceVersion: string, onEvent: (event: WatchEvent) => void): WatchHandle;
};

/** An API answer with an HTTP status, from a list or from opening a watch. */
export class KubeStatusError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "KubeStatusError";
  }
}
